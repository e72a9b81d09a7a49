using Pulse.Bot.Activities;

namespace Pulse.Bot.Conversation.Skills;

/// <summary>The buttons for the likely next step; each sends its own title, which the recogniser understands.</summary>
public static class Suggestions
{
    public static string MyProgress(bool zh) => zh ? "我的进度" : "How am I doing?";

    public static string Remaining(bool zh) => zh ? "还差多少达标" : "How much is left?";

    public static string LastMonth(bool zh) => zh ? "上个月的绩效" : "Last month";

    public static string MyAlerts(bool zh) => zh ? "我的预警" : "My alerts";

    public static string MyFeedback(bool zh) => zh ? "我收到的反馈" : "My feedback";

    public static string MyTeam(bool zh) => zh ? "我的团队" : "My team";

    public static string Help(bool zh) => zh ? "帮助" : "Help";

    public static string Mute(bool zh, string indicator) => zh ? $"静音{indicator}预警" : $"Mute {indicator} alerts";

    public static string Unmute(bool zh, string indicator) => zh ? $"取消静音{indicator}预警" : $"Unmute {indicator} alerts";

    public static string MyReview(bool zh) => zh ? "我的考核结果" : "My review result";

    public static string Acknowledge(bool zh) => zh ? "确认结果" : "Acknowledge";

    /// <summary>Objecting needs a reason: the button asks, and the bot explains how to give one.</summary>
    public static string Object(bool zh) => zh ? "申诉" : "Object";

    public static string WhoToRate(bool zh) => zh ? "还有谁没评" : "Who still needs rating?";

    /// <summary>The review page of a month in the dashboard (a link: it opens the page).</summary>
    public static CardAction ReviewPage(bool zh, string period) => CardAction.OpenUrl(zh ? "打开考核页面" : "Open the review page", $"/#/review/{period}");

    public static string Confirm(bool zh) => zh ? "确认" : "Confirm";

    public static string Cancel(bool zh) => zh ? "取消" : "Cancel";

    /// <summary>The usual next steps: own progress and what follows from it, the team for those who lead one.</summary>
    public static List<string> Usual(TurnContext context, params string[] first)
    {
        var zh = context.Zh;
        var list = new List<string>(first);
        if (context.EmployeeId is not null) list.AddRange([MyProgress(zh), Remaining(zh), MyAlerts(zh), MyFeedback(zh)]);
        if (context.Leads) list.Add(MyTeam(zh));
        list.Add(Help(zh));
        return [.. list.Distinct().Take(6)];
    }
}

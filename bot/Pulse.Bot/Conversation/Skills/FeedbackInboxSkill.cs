using System.Globalization;
using System.Text;
using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Replies;
using Pulse.Feedback;
using Pulse.Services;

namespace Pulse.Bot.Conversation.Skills;

/// <summary>The feedback the caller received lately, newest first, with who gave it and whether they answered.</summary>
public static class FeedbackInboxSkill
{
    private const int Limit = 5;

    public static async Task<Activity> AnswerAsync(TurnContext context)
    {
        var zh = context.Zh;
        if (context.EmployeeId is not { } employeeId)
        {
            return Reply.Text(zh, context.Say("你的账号没有关联员工档案,所以没有收到的反馈。", "Your account has no employee record, so there is no feedback for you."),
                Suggestions.Usual(context));
        }
        var answer = await context.Feedback.ListAsync(context.Caller, employeeId, null, Limit);
        if (answer.Status != AnswerStatus.Ok || answer.Value is not { } page)
        {
            return Reply.Text(zh, context.Say("暂时查不到你的反馈,请稍后再试。", "Your feedback is not available right now; please try again later."), Suggestions.Usual(context));
        }
        if (page.Items.Length == 0)
        {
            return Reply.Text(zh, context.Say("你还没有收到反馈。", "You have not received any feedback yet."), Suggestions.Usual(context, Suggestions.MyProgress(zh)));
        }
        var text = new StringBuilder(context.Say("你最近收到的反馈:", "Your latest feedback:"));
        foreach (var item in page.Items)
        {
            var when = TimeZoneInfo.ConvertTime(item.At, context.Index.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var kind = (item.Kind, zh) switch
            {
                (FeedbackKind.Praise, true) => "表扬",
                (FeedbackKind.Improve, true) => "改进",
                (_, true) => "备注",
                (FeedbackKind.Praise, false) => "praise",
                (FeedbackKind.Improve, false) => "to improve",
                _ => "note",
            };
            var reply = item.Reply is null ? "" : context.Say(item.Reply.Kind == FeedbackReplyKind.Acknowledge ? "(已确认)" : "(已申诉)",
                item.Reply.Kind == FeedbackReplyKind.Acknowledge ? " (acknowledged)" : " (objected)");
            text.Append("\n· ").Append(when).Append(' ').Append(kind)
                .Append(context.Say($",来自 {item.Author}:", $" from {item.Author}: ")).Append(item.Text).Append(reply);
        }
        if (page.NextCursor is not null) text.Append('\n').Append(context.Say("更早的反馈请在仪表盘查看。", "Older feedback is on the dashboard."));
        return Reply.Text(zh, text.ToString(), Suggestions.Usual(context, Suggestions.MyProgress(zh)));
    }
}

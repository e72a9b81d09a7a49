using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Replies;
using Pulse.Bot.Conversation.Understanding;

namespace Pulse.Bot.Conversation.Skills;

/// <summary>Mutes or unmutes one alert type (an indicator) for the user's chat; asks which when the message names none.</summary>
public static class MuteSkill
{
    public static async Task<Activity> AnswerAsync(TurnContext context, Intent intent)
    {
        var zh = context.Zh;
        var mute = intent.Kind == IntentKind.Mute;
        if (intent.Indicators.Count == 0)
        {
            var choices = context.Index.Indicators.Where(i => i.HasAlerts).Take(4)
                .Select(i => mute ? Suggestions.Mute(zh, Name(i, zh)) : Suggestions.Unmute(zh, Name(i, zh)));
            return Reply.Text(zh, mute
                    ? context.Say("要静音哪一类预警?例如“静音坏账率预警”。", "Which alerts should I mute? For example \"Mute bad debt alerts\".")
                    : context.Say("要恢复哪一类预警?例如“取消静音坏账率预警”。", "Which alerts should I unmute? For example \"Unmute bad debt alerts\"."),
                [.. choices, Suggestions.MyAlerts(zh), Suggestions.Help(zh)]);
        }

        var indicator = intent.Indicators[0];
        var name = Name(indicator, zh);
        if (mute)
        {
            await context.ChatUser.MuteAsync(indicator.Id);
            return Reply.Text(zh, context.Say($"已静音“{name}”预警:在聊天中不再推送。要恢复,说“取消静音{name}预警”。",
                    $"{name} alerts are muted: they will no longer come to your chat. To get them again, say \"Unmute {name} alerts\"."),
                Suggestions.Usual(context, Suggestions.Unmute(zh, name)));
        }
        await context.ChatUser.UnmuteAsync(indicator.Id);
        return Reply.Text(zh, context.Say($"已恢复“{name}”预警的推送。", $"{name} alerts will come to your chat again."),
            Suggestions.Usual(context, Suggestions.MyAlerts(zh)));
    }

    private static string Name(IndicatorEntry indicator, bool zh) => indicator.Name.For(zh ? Language.Chinese : Language.English);
}

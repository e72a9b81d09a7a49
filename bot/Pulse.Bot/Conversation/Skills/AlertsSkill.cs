using System.Globalization;
using System.Text;
using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Replies;
using Pulse.Bot.Conversation.Understanding;
using Pulse.Performance;
using Pulse.Services;

namespace Pulse.Bot.Conversation.Skills;

/// <summary>The caller's latest alert crossings (breached, recovered), newest first, with the value against the threshold.</summary>
public static class AlertsSkill
{
    private const int Limit = 10;

    public static async Task<Activity> AnswerAsync(TurnContext context)
    {
        var zh = context.Zh;
        if (context.EmployeeId is not { } employeeId)
        {
            return Reply.Text(zh, context.Say("你的账号没有关联员工档案,所以没有个人预警。", "Your account has no employee record, so there are no personal alerts."),
                Suggestions.Usual(context));
        }
        var answer = await context.Performance.GetAlertsAsync(context.Caller, employeeId, Limit);
        if (answer.Status != AnswerStatus.Ok || answer.Value is not { } alerts)
        {
            return Reply.Text(zh, context.Say("暂时查不到你的预警,请稍后再试。", "Your alerts are not available right now; please try again later."), Suggestions.Usual(context));
        }
        if (alerts.Length == 0)
        {
            return Reply.Text(zh, context.Say("你目前没有预警。", "You have no alerts."), Suggestions.Usual(context, Suggestions.MyProgress(zh)));
        }

        var title = context.Say("我的预警(最近)", "Your latest alerts");
        var text = new StringBuilder(title).Append(zh ? ":" : ":");
        var facts = new List<(string Title, string Value)>();
        foreach (var alert in alerts)
        {
            var indicator = context.Index.Indicator(alert.IndicatorId);
            var name = indicator?.Name.For(zh ? Language.Chinese : Language.English) ?? alert.IndicatorId;
            var unit = indicator?.Unit ?? "";
            var when = TimeZoneInfo.ConvertTime(alert.OccurredAt, context.Index.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var what = (alert.Kind, zh) switch
            {
                (AlertKind.Breached, true) => $"{name} {Numbers.WithUnit(alert.Value, unit, zh)},越过阈值 {Numbers.WithUnit(alert.Threshold, unit, zh)}",
                (AlertKind.Breached, false) => $"{name} {Numbers.WithUnit(alert.Value, unit, zh)}, past the threshold of {Numbers.WithUnit(alert.Threshold, unit, zh)}",
                (_, true) => $"{name} 回到 {Numbers.WithUnit(alert.Value, unit, zh)},已恢复(阈值 {Numbers.WithUnit(alert.Threshold, unit, zh)})",
                (_, false) => $"{name} back to {Numbers.WithUnit(alert.Value, unit, zh)}, recovered (threshold {Numbers.WithUnit(alert.Threshold, unit, zh)})",
            };
            text.Append("\n· ").Append(when).Append(' ').Append(what);
            facts.Add((when, what));
        }
        var mutes = alerts.Select(a => context.Index.Indicator(a.IndicatorId)).OfType<IndicatorEntry>().DistinctBy(i => i.Id)
            .Take(2).Select(i => Suggestions.Mute(zh, i.Name.For(zh ? Language.Chinese : Language.English)));
        var card = AdaptiveCards.Card(AdaptiveCards.Heading(title), AdaptiveCards.Facts(facts));
        return Reply.Card(zh, text.ToString(), card, Suggestions.Usual(context, [Suggestions.MyProgress(zh), .. mutes]));
    }
}

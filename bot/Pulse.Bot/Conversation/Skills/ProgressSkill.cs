using System.Text;
using System.Text.Json.Nodes;
using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Replies;
using Pulse.Bot.Conversation.Understanding;
using Pulse.Performance;
using Pulse.Services;
using Pulse.Templates;

namespace Pulse.Bot.Conversation.Skills;

/// <summary>
/// The caller's own numbers, as the performance service returns them: every indicator (my progress, a past month),
/// the ones named (an indicator by name or synonym), or those still below target (what remains). A card with a
/// fact set per indicator, and the same numbers in the text.
/// </summary>
public static class ProgressSkill
{
    public static async Task<Activity> AnswerAsync(TurnContext context, Intent intent)
    {
        var zh = context.Zh;
        if (context.EmployeeId is not { } employeeId)
        {
            return Reply.Text(zh, context.Say("你的账号没有关联员工档案,所以没有个人绩效。", "Your account has no employee record, so there are no personal scores."),
                Suggestions.Usual(context));
        }
        var period = intent.Kind == IntentKind.PastMonth ? intent.Period : null;
        if (period is not null && string.CompareOrdinal(period, context.CurrentPeriod) > 0)
        {
            return Reply.Text(zh, context.Say($"{period} 还没有到,可以问“我的进度”看本月。", $"{period} has not come yet; ask \"How am I doing?\" for this month."),
                Suggestions.Usual(context, Suggestions.LastMonth(zh)));
        }

        var answer = await context.Performance.GetEmployeeAsync(context.Caller, employeeId, period);
        if (answer.Status != AnswerStatus.Ok || answer.Value is not { } performance)
        {
            return Reply.Text(zh, context.Say("暂时查不到你的绩效,请稍后再试。", "Your scores are not available right now; please try again later."),
                Suggestions.Usual(context));
        }

        var all = performance.Sections.SelectMany(s => s.Indicators).ToList();
        var asked = intent.Indicators.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var shown = asked.Count > 0 ? all.Where(i => asked.Contains(i.Id)).ToList() : all;
        if (asked.Count > 0 && shown.Count == 0)
        {
            var names = string.Join(zh ? "、" : ", ", intent.Indicators.Select(i => i.Name.For(Locale(zh))));
            return Reply.Text(zh, context.Say($"你的考核里没有“{names}”这个指标。你的指标:{string.Join("、", all.Select(i => Name(i, zh)))}。",
                    $"\"{names}\" is not one of your indicators. Yours are: {string.Join(", ", all.Select(i => Name(i, zh)))}."),
                [.. all.Take(4).Select(i => Name(i, zh)), Suggestions.MyProgress(zh)]);
        }
        if (intent.Kind == IntentKind.Remaining)
        {
            shown = [.. shown.Where(BelowTarget)];
            if (shown.Count == 0)
            {
                return Reply.Text(zh, context.Say("已计分的指标都已达标,继续保持!", "Every scored indicator is at or past its target. Keep it up!"),
                    Suggestions.Usual(context, Suggestions.MyProgress(zh)));
            }
        }

        var past = period is not null && period != context.CurrentPeriod;
        if (past && performance.EventCount == 0 && performance.Composite is null)
        {
            return Reply.Text(zh, context.Say($"{period} 没有你的绩效数据。", $"There is no data for you in {period}."),
                Suggestions.Usual(context, Suggestions.MyProgress(zh)));
        }

        var title = (intent.Kind, past, zh) switch
        {
            (IntentKind.Remaining, _, true) => $"还差多少达标({performance.Period})",
            (IntentKind.Remaining, _, false) => $"What is left to reach target ({performance.Period})",
            (_, true, true) => $"{performance.Period} 的绩效",
            (_, true, false) => $"Your scores for {performance.Period}",
            (_, false, true) => $"本月进度({performance.Period},截至目前)",
            _ => $"Your progress this month ({performance.Period}, so far)",
        };
        var text = new StringBuilder(title).Append(zh ? ":" : ":");
        var body = new List<JsonNode?> { AdaptiveCards.Heading(title) };
        var showComposite = asked.Count == 0 && intent.Kind != IntentKind.Remaining;
        if (showComposite)
        {
            var facts = Composite(performance, past, zh);
            foreach (var (label, value) in facts) text.Append('\n').Append(label).Append(zh ? ":" : ": ").Append(value);
            if (!performance.IsComplete) text.Append('\n').Append(context.Say("(还有指标待评分或缺数据)", "(some indicators are still waiting for a rating or data)"));
            body.Add(AdaptiveCards.Facts(facts));
        }
        foreach (var indicator in shown)
        {
            var facts = Facts(indicator, past, zh);
            text.Append("\n· ").Append(Name(indicator, zh)).Append(zh ? ":" : ": ")
                .Append(string.Join(zh ? "," : ", ", facts.Select(f => $"{f.Title} {f.Value}")));
            body.Add(AdaptiveCards.Container(AdaptiveCards.Line(Name(indicator, zh), bold: true), AdaptiveCards.Facts(facts)));
        }

        var next = new List<string>();
        if (intent.Kind != IntentKind.Remaining && !past) next.Add(Suggestions.Remaining(zh));
        if (!past) next.Add(Suggestions.LastMonth(zh));
        if (past) next.Add(Suggestions.MyProgress(zh));
        var alerting = shown.Where(i => context.Index.Indicator(i.Id)?.HasAlerts == true).Take(1).Select(i => Suggestions.Mute(zh, Name(i, zh)));
        next.AddRange(alerting);
        return Reply.Card(zh, text.ToString(), AdaptiveCards.Card([.. body]), Suggestions.Usual(context, [.. next]));
    }

    /// <summary>Below target and still able to move: scored, under 100% of target.</summary>
    private static bool BelowTarget(IndicatorResult indicator) =>
        indicator.Status == IndicatorStatus.Scored && indicator.Attainment is { } a && a < 100m;

    private static List<(string Title, string Value)> Composite(EmployeePerformance performance, bool past, bool zh)
    {
        var facts = new List<(string, string)>
        {
            (past ? (zh ? "综合得分" : "Composite") : (zh ? "综合得分(目前)" : "Composite so far"), Numbers.Number(performance.Composite)),
        };
        if (!past) facts.Add((zh ? "综合得分(月末预计)" : "Composite projected", Numbers.Number(performance.ProjectedComposite)));
        return facts;
    }

    private static List<(string Title, string Value)> Facts(IndicatorResult indicator, bool past, bool zh)
    {
        var unit = indicator.Unit;
        if (indicator.Status == IndicatorStatus.PendingRating)
        {
            return [(zh ? "状态" : "Status", zh ? "待经理评分" : "awaiting the manager's rating"), (zh ? "目标" : "Target", Numbers.WithUnit(indicator.Target, unit, zh))];
        }
        if (indicator.Status == IndicatorStatus.NoData)
        {
            return [(zh ? "状态" : "Status", zh ? "暂无数据" : "no data yet"), (zh ? "目标" : "Target", Numbers.WithUnit(indicator.Target, unit, zh))];
        }
        var facts = new List<(string, string)>
        {
            (zh ? "当前" : "Value", Numbers.WithUnit(indicator.Value, unit, zh)),
            (zh ? "目标" : "Target", (indicator.Direction == Direction.LowerIsBetter ? "≤ " : "") + Numbers.WithUnit(indicator.Target, unit, zh)),
            (zh ? "完成" : "Attainment", Numbers.Percent(indicator.Attainment)),
        };
        if (indicator.Remaining is { } remaining) facts.Add((zh ? "还差" : "Remaining", Numbers.WithUnit(remaining, unit, zh)));
        else if (BelowTarget(indicator) && indicator.Direction == Direction.LowerIsBetter)
        {
            facts.Add((zh ? "还差" : "Remaining", zh ? $"需降到 {Numbers.WithUnit(indicator.Target, unit, zh)} 以内" : $"bring it down to {Numbers.WithUnit(indicator.Target, unit, zh)}"));
        }
        if (!past) facts.Add((zh ? "月末预计" : "Month-end projection", Numbers.WithUnit(indicator.Projected, unit, zh)));
        return facts;
    }

    private static string Name(IndicatorResult indicator, bool zh) => indicator.Name.For(Locale(zh));

    private static string Locale(bool zh) => zh ? Language.Chinese : Language.English;
}

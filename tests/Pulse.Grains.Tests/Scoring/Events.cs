using Pulse.Events;
using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains.Tests.Scoring;

/// <summary>Builds events and folds them in stream order, the way an employee grain does.</summary>
internal static class Events
{
    public static readonly DateTimeOffset MonthStart = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static BusinessEvent Make(string type, string data, DateTimeOffset? at = null, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), type, "E001", at ?? MonthStart.AddDays(1), data);

    public static BusinessEvent Loan(decimal amount, DateTimeOffset? at = null) =>
        Make("loan.disbursed", FormattableString.Invariant($$"""{"amount":{{amount}}}"""), at);

    public static BusinessEvent Default(decimal amount) =>
        Make("loan.defaulted", FormattableString.Invariant($$"""{"amount":{{amount}}}"""));

    public static BusinessEvent Complaint() => Make("complaint.received", """{"severity":"low"}""");

    /// <summary>Folds the events with seqs following the accumulator's last one and returns every crossing.</summary>
    public static List<AlertCrossing> FoldAll(this TemplatePlan plan, PeriodAccumulator accumulator, params BusinessEvent[] events)
    {
        var crossings = new List<AlertCrossing>();
        foreach (var e in events)
        {
            crossings.AddRange(plan.Fold(accumulator, e, accumulator.LastSeq + 1));
        }

        return crossings;
    }

    /// <summary>A one-section template with the given indicators, equally weighted, for focused tests.</summary>
    public static KpiTemplate Single(params Indicator[] indicators)
    {
        var weight = 100m / indicators.Length;
        return new KpiTemplate(
            "t",
            new LocalizedText("测试"),
            [new KpiSection("s", new LocalizedText("测试"), 100, [.. indicators.Select(i => i with { Weight = weight })])]);
    }

    public static Indicator Measured(string id, Measure measure, decimal target, Direction direction = Direction.HigherIsBetter, ScoringRule? scoring = null, params AlertRule[] alerts) =>
        new(id, new LocalizedText(id, id), 100, new IndicatorSource(SourceKind.Measure, measure), target, direction, "", scoring, alerts.Length == 0 ? null : alerts);
}

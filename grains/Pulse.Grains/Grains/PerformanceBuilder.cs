using Pulse.Organisation;
using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains;

/// <summary>Turns a period's running aggregates into the employee's scorecard: the one place live, past and what-if views are built.</summary>
public static class PerformanceBuilder
{
    public static EmployeePerformance Build(
        Employee employee,
        string period,
        KpiTemplate template,
        TemplatePlan plan,
        PeriodAccumulator accumulator,
        CompiledRules rules,
        DateTimeOffset now,
        long streamPosition,
        IReadOnlyDictionary<string, decimal>? ratings = null)
    {
        var elapsed = Period.ElapsedFraction(period, now, rules.TimeZone);
        var card = ScoreCalculator.Score(plan, accumulator, ratings ?? new Dictionary<string, decimal>(), elapsed, rules.Rules.Settings.Locale);
        return new EmployeePerformance(
            employee.Id,
            employee.DepartmentId,
            period,
            template.Id,
            template.Version,
            card.Composite,
            card.IsComplete,
            [.. card.PendingIndicators],
            [.. card.Sections],
            [.. accumulator.BreachedAlerts.Order(StringComparer.Ordinal)],
            accumulator.EventCount,
            streamPosition,
            now,
            card.ProjectedComposite);
    }
}

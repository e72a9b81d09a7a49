using Pulse.Live;
using Pulse.Performance;

namespace Pulse.WebDashboard.Hub;

/// <summary>
/// One member's line in a department's team table, as <c>teamChanged</c> pushes it: only what the table and the cards
/// show. <see cref="Indicators"/> maps each indicator id to <c>[value, target, attainment, score]</c> (short arrays,
/// since a department's watchers receive every member's row several times a second); names and units are not repeated:
/// the department snapshot carries them once. <see cref="EventCount"/> and <see cref="AsOf"/> say how current the row is.
/// The full scorecard goes only to the employee's own group (<c>employeesChanged</c>).
/// </summary>
public sealed record TeamRow(
    string EmployeeId,
    string Name,
    string DepartmentId,
    decimal? Composite,
    decimal? ProjectedComposite,
    bool AtRisk,
    long EventCount,
    DateTimeOffset AsOf,
    Dictionary<string, decimal?[]> Indicators)
{
    public static TeamRow From(EmployeeLine line)
    {
        var performance = line.Performance;
        var indicators = new Dictionary<string, decimal?[]>(StringComparer.Ordinal);
        foreach (var section in performance.Sections)
        {
            foreach (var indicator in section.Indicators) indicators[indicator.Id] = [indicator.Value, indicator.Target, indicator.Attainment, indicator.Score];
        }
        return new TeamRow(
            line.EmployeeId,
            line.Name,
            performance.DepartmentId,
            performance.Composite,
            performance.ProjectedComposite,
            AtRiskRule.Applies(performance.BreachedAlerts.Length, performance.ProjectedComposite, performance.Composite),
            performance.EventCount,
            performance.AsOf,
            indicators);
    }
}

using Pulse.Performance;

namespace Pulse.Grains;

public static class MemberScores
{
    public static MemberScore From(EmployeePerformance performance, string name) => new(
        performance.EmployeeId,
        name,
        performance.Period,
        performance.Composite,
        performance.Sections.SelectMany(s => s.Indicators).Where(i => i.Score is not null).ToDictionary(i => i.Id, i => i.Score!.Value, StringComparer.Ordinal),
        performance.BreachedAlerts.Length,
        performance.AsOf,
        performance.EventCount,
        performance.ProjectedComposite);
}

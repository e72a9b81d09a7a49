namespace Pulse.Performance;

/// <summary>
/// Aggregates of a department and its sub-departments for one period (live for the open one). <see cref="Distribution"/> counts composites in
/// bands of ten (index 0 = [0,10), …, index 10 = 100 and above); <see cref="AtRisk"/> counts members with a
/// breached alert or a projected month-end composite below 60 (judged on pace, so early in a month a member is not at
/// risk merely because little of the month has passed), and <see cref="AtRiskMembers"/> names the lowest of them. <see cref="MembersWithData"/> counts reporting members with at least one
/// event in the period: 0 means the period has no data. A past period is folded from the log, and there only members
/// with data report, so a month without data has no averages or ranks rather than zeros.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.department-performance")]
public sealed record DepartmentPerformance(
    [property: Id(0)] string DepartmentId,
    [property: Id(1)] string Period,
    [property: Id(2)] int Members,
    [property: Id(3)] int Reporting,
    [property: Id(4)] decimal? AverageComposite,
    [property: Id(5)] Dictionary<string, decimal> IndicatorAverages,
    [property: Id(6)] int[] Distribution,
    [property: Id(7)] RankedMember[] Top,
    [property: Id(8)] RankedMember[] Bottom,
    [property: Id(9)] int AtRisk,
    [property: Id(10)] DateTimeOffset AsOf,
    [property: Id(11)] int MembersWithData)
{
    /// <summary>Members at risk, lowest projected composite first, at most 50.</summary>
    [Id(12)]
    public RankedMember[] AtRiskMembers { get; init; } = [];
}

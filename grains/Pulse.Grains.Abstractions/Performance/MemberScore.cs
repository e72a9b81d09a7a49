namespace Pulse.Performance;

/// <summary>The compact live line an employee grain reports to its departments.</summary>
[GenerateSerializer, Immutable, Alias("pulse.member-score")]
public sealed record MemberScore(
    [property: Id(0)] string EmployeeId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Period,
    [property: Id(3)] decimal? Composite,
    [property: Id(4)] Dictionary<string, decimal> IndicatorScores,
    [property: Id(5)] int BreachedAlerts,
    [property: Id(6)] DateTimeOffset AsOf,
    [property: Id(7)] long EventCount,
    [property: Id(8)] decimal? ProjectedComposite = null);

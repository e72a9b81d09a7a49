namespace Pulse.Performance;

/// <summary>
/// Live aggregates of a department and its sub-departments. <see cref="Distribution"/> counts composites in
/// bands of ten (index 0 = [0,10), …, index 10 = 100 and above); <see cref="AtRisk"/> counts members with a
/// breached alert or a composite below 60.
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
    [property: Id(10)] DateTimeOffset AsOf);

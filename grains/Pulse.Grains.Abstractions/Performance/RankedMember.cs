namespace Pulse.Performance;

[GenerateSerializer, Immutable, Alias("pulse.ranked-member")]
public sealed record RankedMember(
    [property: Id(0)] string EmployeeId,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal? Composite,
    [property: Id(3)] decimal? ProjectedComposite = null);

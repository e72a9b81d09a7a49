namespace Pulse.Reviews;

/// <summary>A participant whose period received events after the freeze: the frozen result stands; this shows what moved.</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.adjustment")]
public sealed record PostCloseAdjustment(
    [property: Id(0)] string EmployeeId,
    [property: Id(1)] long FrozenEventCount,
    [property: Id(2)] long CurrentEventCount,
    [property: Id(3)] decimal? FrozenComposite,
    [property: Id(4)] decimal? CurrentComposite);

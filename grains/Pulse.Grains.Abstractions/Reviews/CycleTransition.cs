namespace Pulse.Reviews;

/// <summary>One change of a cycle's status: who (an account name, or "system" for the clock) and when, and HR's reason for a reopening.</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.transition")]
public sealed record CycleTransition(
    [property: Id(0)] CycleStatus? From,
    [property: Id(1)] CycleStatus To,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string By,
    [property: Id(4)] string? Reason = null);

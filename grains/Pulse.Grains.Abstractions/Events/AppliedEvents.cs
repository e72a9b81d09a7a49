namespace Pulse.Events;

/// <summary>What an employee grain did with a batch: the ids it committed and the ids it had already seen.</summary>
[GenerateSerializer, Immutable, Alias("pulse.applied-events")]
public sealed record AppliedEvents(
    [property: Id(0)] string[] Accepted,
    [property: Id(1)] string[] Duplicates);

namespace Pulse.Events;

/// <summary>
/// A business event as a sender posts it. <see cref="Id"/> is the sender's idempotency key;
/// <see cref="Data"/> is the compact JSON object of its fields, already checked against the type's registration.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.event")]
public sealed record BusinessEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string EmployeeId,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] string Data,
    [property: Id(5)] string? Source = null);

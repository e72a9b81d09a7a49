namespace Pulse.Security;

/// <summary>
/// One change, recorded append-only: who (<see cref="Actor"/>, a user name or <c>key:{id}</c> or <c>system</c>),
/// when, what (<see cref="Action"/> such as <c>employee.put</c>, and <see cref="Target"/>), and the item as JSON
/// before and after (null when created or removed).
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] string TenantId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string Target,
    [property: Id(5)] string? Before,
    [property: Id(6)] string? After);

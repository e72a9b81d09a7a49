namespace Pulse.Security;

/// <summary>A user account as others may see it: never the password hash.</summary>
[GenerateSerializer, Immutable, Alias("pulse.user")]
public sealed record UserView(
    [property: Id(0)] string UserName,
    [property: Id(1)] Role[] Roles,
    [property: Id(2)] string? EmployeeId,
    [property: Id(3)] bool Disabled,
    [property: Id(4)] DateTimeOffset? LockedUntil,
    [property: Id(5)] DateTimeOffset CreatedAt);

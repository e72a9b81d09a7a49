using Pulse.Security;

namespace Pulse.Grains;

/// <summary>One account as stored: the password only as ASP.NET Core Identity's hash.</summary>
[GenerateSerializer, Alias("pulse.stored-user")]
public sealed class StoredUser
{
    [Id(0)] public string PasswordHash { get; set; } = "";
    [Id(1)] public Role[] Roles { get; set; } = [];
    [Id(2)] public string? EmployeeId { get; set; }
    [Id(3)] public bool Disabled { get; set; }

    /// <summary>Consecutive wrong passwords since the last success or lockout.</summary>
    [Id(4)] public int FailedAttempts { get; set; }

    [Id(5)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
}

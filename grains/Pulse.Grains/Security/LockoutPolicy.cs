namespace Pulse.Security;

/// <summary>
/// Five wrong passwords in a row lock an account for fifteen minutes. Locking restarts the count, so each further
/// lockout again takes five failures; attempts while locked are not counted and do not extend the lock.
/// </summary>
public static class LockoutPolicy
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    public static bool IsLockedOut(DateTimeOffset? lockedUntil, DateTimeOffset now) => lockedUntil > now;

    /// <summary>The failure count and lock after one more wrong password at <paramref name="now"/>.</summary>
    public static (int Failures, DateTimeOffset? LockedUntil) AfterFailure(int failures, DateTimeOffset now) =>
        failures + 1 >= MaxFailures ? (0, now + Duration) : (failures + 1, null);
}

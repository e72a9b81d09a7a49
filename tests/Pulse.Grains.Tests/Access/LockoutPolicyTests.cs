using Pulse.Security;

namespace Pulse.Tests.Access;

public sealed class LockoutPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Four_failures_count_and_the_fifth_locks_for_fifteen_minutes()
    {
        var failures = 0;
        DateTimeOffset? lockedUntil = null;
        for (var i = 1; i < LockoutPolicy.MaxFailures; i++)
        {
            (failures, lockedUntil) = LockoutPolicy.AfterFailure(failures, Now);
            Assert.Equal(i, failures);
            Assert.Null(lockedUntil);
        }

        (failures, lockedUntil) = LockoutPolicy.AfterFailure(failures, Now);

        Assert.Equal(0, failures);
        Assert.Equal(Now.AddMinutes(15), lockedUntil);
    }

    [Fact]
    public void A_lock_holds_until_its_end_and_not_after()
    {
        var lockedUntil = Now.AddMinutes(15);

        Assert.True(LockoutPolicy.IsLockedOut(lockedUntil, Now));
        Assert.True(LockoutPolicy.IsLockedOut(lockedUntil, Now.AddMinutes(14).AddSeconds(59)));
        Assert.False(LockoutPolicy.IsLockedOut(lockedUntil, Now.AddMinutes(15)));
        Assert.False(LockoutPolicy.IsLockedOut(null, Now));
    }
}

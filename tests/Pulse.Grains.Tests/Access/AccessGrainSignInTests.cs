using Pulse.Grains;
using Pulse.Security;
using Pulse.Tests.Grains;

namespace Pulse.Tests.Access;

[Collection(ClusterCollection.Name)]
public sealed class AccessGrainSignInTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task The_right_password_signs_in_and_returns_the_user()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        await AccessTestTenant.CreateUserAsync(access, "e1", Role.Employee, "E001");

        var outcome = await access.SignInAsync("e1", AccessTestTenant.Password);

        Assert.Equal(SignInStatus.Succeeded, outcome.Status);
        Assert.Equal(("e1", "E001"), (outcome.User!.UserName, outcome.User.EmployeeId));
    }

    [Fact]
    public async Task Unknown_user_wrong_password_and_disabled_account_fail_alike()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        await AccessTestTenant.CreateUserAsync(access, "hr1");
        await AccessTestTenant.CreateUserAsync(access, "hr2");
        Assert.True((await access.UpdateUserAsync("hr2", null, null, disabled: true)).Applied);

        var outcomes = new[]
        {
            await access.SignInAsync("ghost", AccessTestTenant.Password),
            await access.SignInAsync("hr1", "wrong password"),
            await access.SignInAsync("hr2", AccessTestTenant.Password),
        };

        Assert.All(outcomes, o => Assert.Equal(new SignInOutcome(SignInStatus.Failed), o));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password_until_an_admin_resets_it()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        await AccessTestTenant.CreateUserAsync(access, "hr1");

        for (var i = 1; i < LockoutPolicy.MaxFailures; i++)
            Assert.Equal(SignInStatus.Failed, (await access.SignInAsync("hr1", "wrong password")).Status);
        var fifth = await access.SignInAsync("hr1", "wrong password");
        var locked = await access.SignInAsync("hr1", AccessTestTenant.Password);
        var view = await access.GetUserAsync("hr1");

        Assert.Equal(SignInStatus.LockedOut, fifth.Status);
        Assert.Equal(SignInStatus.LockedOut, locked.Status);
        Assert.Null(locked.User);
        Assert.InRange(locked.LockedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(locked.LockedUntil, view!.LockedUntil);

        var reset = await access.SetPasswordAsync("hr1", "a brand new password");

        Assert.True(reset.Applied, AccessTestTenant.Describe(reset));
        Assert.Null((await access.GetUserAsync("hr1"))!.LockedUntil);
        Assert.Equal(SignInStatus.Failed, (await access.SignInAsync("hr1", AccessTestTenant.Password)).Status);
        Assert.Equal(SignInStatus.Succeeded, (await access.SignInAsync("hr1", "a brand new password")).Status);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        await AccessTestTenant.CreateUserAsync(access, "hr1");

        for (var round = 0; round < 2; round++)
        {
            for (var i = 1; i < LockoutPolicy.MaxFailures; i++) await access.SignInAsync("hr1", "wrong password");
            Assert.Equal(SignInStatus.Succeeded, (await access.SignInAsync("hr1", AccessTestTenant.Password)).Status);
        }
    }

    [Fact]
    public async Task Changing_a_password_needs_the_current_one_and_a_good_new_one()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        await AccessTestTenant.CreateUserAsync(access, "hr1");

        var wrongCurrent = await access.ChangePasswordAsync("hr1", "wrong password", "a brand new password");
        var weak = await access.ChangePasswordAsync("hr1", AccessTestTenant.Password, "1234567890");
        var changed = await access.ChangePasswordAsync("hr1", AccessTestTenant.Password, "a brand new password");

        Assert.Equal("currentPassword", Assert.Single(wrongCurrent.Errors).Item);
        Assert.Equal("newPassword", Assert.Single(weak.Errors).Item);
        Assert.True(changed.Applied, AccessTestTenant.Describe(changed));
        Assert.Equal(SignInStatus.Failed, (await access.SignInAsync("hr1", AccessTestTenant.Password)).Status);
        Assert.Equal(SignInStatus.Succeeded, (await access.SignInAsync("hr1", "a brand new password")).Status);
    }

    [Fact]
    public async Task An_admin_reset_follows_the_password_policy()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        await AccessTestTenant.CreateUserAsync(access, "hr1");

        var refused = await access.SetPasswordAsync("hr1", "HR1");

        Assert.Equal(["newPassword", "newPassword"], refused.Errors.Select(e => e.Item));
        Assert.Equal(SignInStatus.Succeeded, (await access.SignInAsync("hr1", AccessTestTenant.Password)).Status);
    }
}

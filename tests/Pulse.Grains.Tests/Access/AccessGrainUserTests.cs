using Pulse.Grains;
using Pulse.Security;
using Pulse.Tests.Grains;

namespace Pulse.Tests.Access;

[Collection(ClusterCollection.Name)]
public sealed class AccessGrainUserTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task Created_users_are_listed_by_name_with_their_roles_and_employee()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);

        var created = await access.CreateUserAsync(new NewUser("wang.li", AccessTestTenant.Password, [Role.Manager, Role.Employee, Role.Manager], "E002"));
        await AccessTestTenant.CreateUserAsync(access, "admin@acme", Role.Admin);
        var users = await access.ListUsersAsync();

        Assert.True(created.Applied, AccessTestTenant.Describe(created));
        Assert.Equal(["admin@acme", "wang.li"], users.Select(u => u.UserName));
        var wang = users[1];
        Assert.Equal([Role.Employee, Role.Manager], wang.Roles);
        Assert.Equal("E002", wang.EmployeeId);
        Assert.False(wang.Disabled);
        Assert.Null(wang.LockedUntil);
        Assert.Equal(wang with { Roles = [] }, (await access.GetUserAsync("wang.li"))! with { Roles = [] });
        Assert.Null(await access.GetUserAsync("nobody"));
    }

    [Fact]
    public async Task A_new_user_is_refused_whole_with_each_offending_item_named()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);

        var refused = await access.CreateUserAsync(new NewUser("Wang Li", "12345678901", [Role.Employee]));
        var unknownEmployee = await access.CreateUserAsync(new NewUser("wang.li", AccessTestTenant.Password, [Role.Employee], "E999"));
        var noRoles = await access.CreateUserAsync(new NewUser("wang.li", AccessTestTenant.Password, []));
        var badRole = await access.CreateUserAsync(new NewUser("wang.li", AccessTestTenant.Password, [Role.Hr, (Role)42]));

        Assert.Equal(["employeeId", "password", "userName"], refused.Errors.Select(e => e.Item).Order());
        Assert.Equal("employeeId", Assert.Single(unknownEmployee.Errors).Item);
        Assert.Equal("roles", Assert.Single(noRoles.Errors).Item);
        Assert.Equal("roles[1]", Assert.Single(badRole.Errors).Item);
        Assert.Empty(await access.ListUsersAsync());
    }

    [Fact]
    public async Task A_duplicate_user_or_a_missing_tenant_is_refused()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        await AccessTestTenant.CreateUserAsync(access, "hr1");
        var nowhere = Grains.GetGrain<IAccessGrain>("no-such-" + Guid.NewGuid().ToString("N")[..8]);

        var duplicate = await access.CreateUserAsync(new NewUser("hr1", AccessTestTenant.Password, [Role.Hr]));
        var orphan = await nowhere.CreateUserAsync(new NewUser("hr1", AccessTestTenant.Password, [Role.Hr]));

        Assert.Equal("userName", Assert.Single(duplicate.Errors).Item);
        Assert.Equal("tenant", Assert.Single(orphan.Errors).Item);
    }

    [Fact]
    public async Task An_update_is_validated_like_a_creation_and_null_leaves_a_field_alone()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        await AccessTestTenant.CreateUserAsync(access, "hr1");

        var needsEmployee = await access.UpdateUserAsync("hr1", [Role.Manager], null, null);
        var unknownEmployee = await access.UpdateUserAsync("hr1", [Role.Manager], "E999", null);
        var unknownUser = await access.UpdateUserAsync("ghost", null, null, true);
        var linked = await access.UpdateUserAsync("hr1", [Role.Hr, Role.Manager], "E001", null);
        var disabled = await access.UpdateUserAsync("hr1", null, null, true);
        var same = await access.UpdateUserAsync("hr1", null, null, true);

        Assert.Equal("employeeId", Assert.Single(needsEmployee.Errors).Item);
        Assert.Equal("employeeId", Assert.Single(unknownEmployee.Errors).Item);
        Assert.Equal("userName", Assert.Single(unknownUser.Errors).Item);
        Assert.True(linked.Applied && disabled.Applied && same.Applied);
        Assert.Equal(linked.Version + 1, disabled.Version);
        Assert.Equal(disabled.Version, same.Version);
        var user = await access.GetUserAsync("hr1");
        Assert.Equal([Role.Manager, Role.Hr], user!.Roles);
        Assert.Equal(("E001", true), (user.EmployeeId, user.Disabled));
    }

    [Fact]
    public async Task Users_of_one_tenant_are_not_users_of_another()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        var (_, other) = await AccessTestTenant.CreateAsync(Grains);
        await AccessTestTenant.CreateUserAsync(access, "hr1");

        Assert.Empty(await other.ListUsersAsync());
        Assert.Equal(SignInStatus.Failed, (await other.SignInAsync("hr1", AccessTestTenant.Password)).Status);
    }
}

using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Tests.Grains;

namespace Pulse.Tests.Security;

public sealed class AccessPolicyTests
{
    // 总部 → 业务部 (managed by M1) → 业务一组 (managed by M2); 运营部 separate (managed by M3).
    private static readonly CompiledRules Rules = new(new TenantRules(
        1,
        new TenantSettings("acme", "Acme"),
        [],
        [
            new Department("hq", "总部"),
            new Department("biz", "业务部", "hq", ["M1"]),
            new Department("biz-1", "业务一组", "biz", ["M2"]),
            new Department("ops", "运营部", "hq", ["M3"]),
        ],
        [
            new Employee("M1", "经理一", "biz"), new Employee("M2", "组长", "biz-1"), new Employee("M3", "经理三", "ops"),
            new Employee("E1", "员工一", "biz-1"), new Employee("E2", "员工二", "ops"),
        ],
        []));

    private static Caller User(string name, Role[] roles, string? employee = null, string tenant = "acme") => new(tenant, name, CallerKind.User, roles, employee, []);

    private static Caller Key(params string[] scopes) => new("acme", "key:1", CallerKind.ApiKey, [], null, scopes);

    [Fact]
    public void A_manager_sees_their_departments_and_everything_below_them_only()
    {
        var m1 = User("m1", [Role.Manager], "M1");
        var m2 = User("m2", [Role.Manager], "M2");

        Assert.True(AccessPolicy.Allows(m1, Permission.EmployeePerformanceRead, "E1", Rules));
        Assert.True(AccessPolicy.Allows(m1, Permission.DepartmentPerformanceRead, "biz-1", Rules));
        Assert.False(AccessPolicy.Allows(m1, Permission.EmployeePerformanceRead, "E2", Rules));
        Assert.False(AccessPolicy.Allows(m2, Permission.DepartmentPerformanceRead, "biz", Rules));
        Assert.False(AccessPolicy.Allows(m1, Permission.OverviewRead, null, Rules));
    }

    [Fact]
    public void An_employee_sees_only_themself_and_a_missing_employee_is_refused_like_any_other()
    {
        var e1 = User("e1", [Role.Employee], "E1");
        Assert.True(AccessPolicy.Allows(e1, Permission.EmployeePerformanceRead, "E1", Rules));
        Assert.False(AccessPolicy.Allows(e1, Permission.EmployeePerformanceRead, "E2", Rules));
        Assert.False(AccessPolicy.Allows(e1, Permission.EmployeePerformanceRead, "NOBODY", Rules));
        Assert.False(AccessPolicy.Allows(e1, Permission.DepartmentPerformanceRead, "biz-1", Rules));
    }

    [Fact]
    public void Roles_without_a_linked_employee_or_of_another_tenant_get_nothing_of_theirs()
    {
        Assert.False(AccessPolicy.Allows(User("m", [Role.Manager]), Permission.DepartmentPerformanceRead, "biz", Rules));
        Assert.False(AccessPolicy.Allows(User("hr", [Role.Hr], tenant: "other"), Permission.EmployeePerformanceRead, "E1", Rules));
        Assert.False(AccessPolicy.Allows(User("hr", [Role.Hr], tenant: "other"), Permission.Self, null, Rules));
        Assert.True(AccessPolicy.Allows(User("hr", [Role.Hr]), Permission.EmployeePerformanceRead, "E2", Rules));
    }

    [Fact]
    public void An_admin_runs_the_tenant_but_does_not_read_scores()
    {
        var admin = User("admin", [Role.Admin]);
        Assert.True(AccessPolicy.Allows(admin, Permission.UsersManage, null, Rules));
        Assert.True(AccessPolicy.Allows(admin, Permission.AuditRead, null, Rules));
        Assert.False(AccessPolicy.Allows(admin, Permission.EmployeePerformanceRead, "E1", Rules));
        Assert.False(AccessPolicy.Allows(admin, Permission.OrganisationWrite, null, Rules));
    }

    [Fact]
    public void A_key_may_do_what_its_scopes_say_and_nothing_a_user_does()
    {
        Assert.True(AccessPolicy.Allows(Key(ApiKeyScopes.EventsWrite), Permission.EventsWrite, null, Rules));
        Assert.False(AccessPolicy.Allows(Key(ApiKeyScopes.EventsWrite), Permission.EmployeePerformanceRead, "E1", Rules));
        Assert.True(AccessPolicy.Allows(Key(ApiKeyScopes.PerformanceRead), Permission.OverviewRead, null, Rules));
        Assert.False(AccessPolicy.Allows(Key(ApiKeyScopes.PerformanceRead), Permission.Self, null, Rules));
        Assert.False(AccessPolicy.Allows(User("hr", [Role.Hr]), Permission.EventsWrite, null, Rules));
    }
}

[Collection(ClusterCollection.Name)]
public sealed class AccessPolicyGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_hub_and_the_bot_get_the_same_answers_through_the_grain()
    {
        var tenantId = await TestCompany.CreateAsync(fixture.Cluster.GrainFactory);
        var created = await fixture.Cluster.GrainFactory.GetGrain<IAccessGrain>(tenantId).CreateUserAsync(new NewUser("e1", "correct-horse-battery", [Role.Employee], "E001"));
        Assert.True(created.Applied);
        var policy = fixture.Cluster.GrainFactory.GetGrain<IAccessPolicyGrain>(tenantId);

        Assert.True(await policy.AllowsAsync(new Caller(tenantId, "e1", CallerKind.User, [Role.Employee], "E001", []), Permission.EmployeePerformanceRead, "E001"));
        Assert.False(await policy.AllowsAsync(new Caller(tenantId, "e1", CallerKind.User, [Role.Employee], "E001", []), Permission.EmployeePerformanceRead, "E002"));
        Assert.False(await policy.AllowsAsync(new Caller("elsewhere", "hr", CallerKind.User, [Role.Hr], null, []), Permission.OverviewRead, null));
    }

    [Fact]
    public async Task The_grain_judges_the_account_as_it_is_now_not_the_roles_presented()
    {
        var tenantId = await TestCompany.CreateAsync(fixture.Cluster.GrainFactory);
        var access = fixture.Cluster.GrainFactory.GetGrain<IAccessGrain>(tenantId);
        Assert.True((await access.CreateUserAsync(new NewUser("e2", "correct-horse-battery", [Role.Employee], "E002"))).Applied);
        var policy = fixture.Cluster.GrainFactory.GetGrain<IAccessPolicyGrain>(tenantId);
        var claimsHr = new Caller(tenantId, "e2", CallerKind.User, [Role.Hr], null, []);

        Assert.False(await policy.AllowsAsync(claimsHr, Permission.OverviewRead, null));
        Assert.True(await policy.AllowsAsync(claimsHr, Permission.EmployeePerformanceRead, "E002"));
        Assert.False(await policy.AllowsAsync(new Caller(tenantId, "nobody", CallerKind.User, [Role.Hr], null, []), Permission.OverviewRead, null));

        Assert.True((await access.UpdateUserAsync("e2", null, null, disabled: true)).Applied);
        Assert.False(await policy.AllowsAsync(claimsHr, Permission.EmployeePerformanceRead, "E002"));
        Assert.Null(await policy.ResolveAsync(claimsHr));
    }
}

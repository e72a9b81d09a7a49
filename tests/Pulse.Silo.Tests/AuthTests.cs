using System.Net.Http.Json;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

public sealed class AuthTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        await tenant.UserAsync("locked", [Role.Hr]);
        var http = fixture.App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId = tenant.TenantId, userName = "locked", password = "wrong-password-123" }, Cancel);
            await Expect.StatusAsync(wrong, 401);
        }

        var right = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId = tenant.TenantId, userName = "locked", password = TenantClient.Password }, Cancel);

        var problem = await Expect.StatusAsync(right, 401);
        Assert.Equal("Not signed in.", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_locked_account_answers_like_an_account_that_does_not_exist()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        await tenant.UserAsync("real", [Role.Hr]);
        var http = fixture.App.CreateClient();
        async Task<string> SignInAsync(string userName)
        {
            var problem = (await Expect.StatusAsync(await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId = tenant.TenantId, userName, password = "wrong-password-123" }, Cancel), 401)).AsObject();
            problem.Remove("traceId");
            return problem.ToJsonString();
        }

        string real = "", ghost = "";
        for (var i = 0; i < 6; i++) (real, ghost) = (await SignInAsync("real"), await SignInAsync("ghost"));

        Assert.Equal(ghost, real);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        var http = fixture.App.CreateClient();
        var wrong = await Expect.StatusAsync(await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId = tenant.TenantId, userName = "hr", password = "not-the-password" }, Cancel), 401);
        var unknown = await Expect.StatusAsync(await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId = tenant.TenantId, userName = "ghost", password = "not-the-password" }, Cancel), 401);
        Assert.Equal(wrong["detail"]!.ToJsonString(), unknown["detail"]!.ToJsonString());
    }

    [Fact]
    public async Task A_revoked_key_can_no_longer_send_events()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B001", 1)]), 200);
        var keys = await Expect.StatusAsync(await tenant.Admin.GetAsync("/api/v1/api-keys", Cancel), 200);
        var keyId = keys.AsArray().Single()!["keyId"]!.GetValue<string>();

        await Expect.StatusAsync(await tenant.Admin.DeleteAsync($"/api/v1/api-keys/{keyId}", Cancel), 204);

        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B001", 1)]), 401);
    }

    [Fact]
    public async Task The_tenant_comes_from_the_key_so_events_for_another_tenants_employee_are_rejected()
    {
        var mine = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var theirs = await TenantClient.CreateAsync(fixture.App, new Pulse.Organisation.OrganisationDocument(
            DemoCompany.EventTypes(), [DemoCompany.BusinessTemplate()], [new("x", "外部", null, null, "business")], [new("X001", "外部员工", "x")]));

        var result = await Expect.StatusAsync(await mine.PostEventsAsync([TestEvents.Loan("X001", 5)]), 200);

        Assert.Equal("rejected", result["items"]![0]!["outcome"]!.GetValue<string>());
        var performance = await theirs.GetJsonAsync("/api/v1/employees/X001/performance");
        Assert.Equal(0, performance["eventCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_employee_sees_themself_and_not_a_colleague()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var employee = await tenant.UserAsync("b003", [Role.Employee], "B003");

        await Expect.StatusAsync(await employee.GetAsync("/api/v1/employees/B003/performance", Cancel), 200);
        await Expect.StatusAsync(await employee.GetAsync("/api/v1/employees/B002/performance", Cancel), 403);
        // Someone who does not exist is refused the same way: a refusal reveals nothing.
        await Expect.StatusAsync(await employee.GetAsync("/api/v1/employees/NOBODY/performance", Cancel), 403);
    }

    [Fact]
    public async Task A_manager_reaches_their_departments_and_below_but_nothing_else()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var headOffice = await tenant.UserAsync("hq-boss", [Role.Manager], "B001");
        await Expect.StatusAsync(await tenant.Http.PutAsJsonAsync("/api/v1/departments/ops", new Pulse.Organisation.Department("ops", "运营部", "biz", ["O001"], "operations"), TenantClient.Json, Cancel), 200);
        var opsManager = await tenant.UserAsync("ops-boss", [Role.Manager], "O001");

        // B001 manages 业务部, and 运营部 now sits below it.
        await Expect.StatusAsync(await headOffice.GetAsync("/api/v1/employees/O002/performance", Cancel), 200);
        await Expect.StatusAsync(await headOffice.GetAsync("/api/v1/departments/ops/performance", Cancel), 200);
        await Expect.StatusAsync(await opsManager.GetAsync("/api/v1/employees/B002/performance", Cancel), 403);
        await Expect.StatusAsync(await opsManager.GetAsync("/api/v1/departments/biz/performance", Cancel), 403);
        await Expect.StatusAsync(await opsManager.PutAsJsonAsync("/api/v1/employees/O002", new Pulse.Organisation.Employee("O002", "改名", "ops"), TenantClient.Json, Cancel), 403);
    }

    [Fact]
    public async Task A_cookie_session_needs_the_antiforgery_token_to_change_anything()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        var browser = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        await Expect.StatusAsync(await browser.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId = tenant.TenantId, userName = "admin", password = TenantClient.Password, useCookie = true }, Cancel), 204);
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/auth/me", Cancel), 200);

        var forged = await browser.PostAsJsonAsync("/api/v1/api-keys", new { name = "forged", scopes = new[] { ApiKeyScopes.EventsWrite } }, Cancel);
        await Expect.StatusAsync(forged, 400);

        var token = await Expect.StatusAsync(await browser.GetAsync("/api/v1/auth/antiforgery", Cancel), 200);
        browser.DefaultRequestHeaders.Add(token["headerName"]!.GetValue<string>(), token["token"]!.GetValue<string>());
        await Expect.StatusAsync(await browser.PostAsJsonAsync("/api/v1/api-keys", new { name = "genuine", scopes = new[] { ApiKeyScopes.EventsWrite } }, Cancel), 201);
    }

    [Fact]
    public async Task Changing_ones_password_requires_the_current_one()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        var user = await tenant.UserAsync("changer", [Role.Hr]);
        await Expect.ProblemAsync(await user.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "wrong-one-1234", newPassword = "a-brand-new-secret" }, Cancel), 400, "currentPassword");
        await Expect.StatusAsync(await user.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = TenantClient.Password, newPassword = "a-brand-new-secret" }, Cancel), 204);
        await TenantClient.SignInAsync(fixture.App, tenant.TenantId, "changer", "a-brand-new-secret");
    }

    [Fact]
    public async Task Changes_are_in_the_audit_log_with_who_and_before_and_after()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.Http.PutAsJsonAsync("/api/v1/employees/B002", new Pulse.Organisation.Employee("B002", "新名字", "biz"), TenantClient.Json, Cancel), 200);

        var entries = await Expect.StatusAsync(await tenant.Http.GetAsync("/api/v1/audit?action=employee.update", Cancel), 200);
        var entry = entries.AsArray().Single(e => e!["entry"]!["target"]!.GetValue<string>() == "B002")!["entry"]!;
        Assert.Equal("hr", entry["actor"]!.GetValue<string>());
        Assert.Contains("新名字", entry["after"]!.GetValue<string>());
        Assert.DoesNotContain("新名字", entry["before"]!.GetValue<string>());

        var csv = await tenant.Admin.GetStringAsync("/api/v1/audit/export", Cancel);
        Assert.StartsWith("id,at,actor,action,target,before,after", csv);
        Assert.Contains("api-key.create", csv);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_token_until_the_account_is_disabled()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App);
        await Expect.StatusAsync(await tenant.Admin.PostAsJsonAsync("/api/v1/users", new NewUser("refresher", TenantClient.Password, [Role.Hr]), TenantClient.Json, Cancel), 201);
        var http = fixture.App.CreateClient();
        var signedIn = await Expect.StatusAsync(await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId = tenant.TenantId, userName = "refresher", password = TenantClient.Password }, Cancel), 200);
        var refreshToken = signedIn["refreshToken"]!.GetValue<string>();

        var refreshed = await Expect.StatusAsync(await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken }, Cancel), 200);
        Assert.False(string.IsNullOrEmpty(refreshed["accessToken"]?.GetValue<string>()));

        await Expect.StatusAsync(await tenant.Admin.PutAsJsonAsync("/api/v1/users/refresher", new { disabled = true }, Cancel), 200);
        await Expect.StatusAsync(await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken }, Cancel), 401);
        await Expect.StatusAsync(await http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" }, Cancel), 401);
    }

    [Fact]
    public async Task Disabling_an_account_or_taking_a_role_away_applies_to_tokens_already_issued()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var hr2 = await tenant.UserAsync("hr2", [Role.Hr]);
        var manager = await tenant.UserAsync("mgr", [Role.Manager, Role.Employee], "B001");
        await Expect.StatusAsync(await hr2.GetAsync("/api/v1/overview", Cancel), 200);
        await Expect.StatusAsync(await manager.GetAsync("/api/v1/employees/B002/performance", Cancel), 200);

        await Expect.StatusAsync(await tenant.Admin.PutAsJsonAsync("/api/v1/users/hr2", new { disabled = true }, Cancel), 200);
        await Expect.StatusAsync(await tenant.Admin.PutAsJsonAsync("/api/v1/users/mgr", new { roles = new[] { "employee" } }, Cancel), 200);

        await Expect.StatusAsync(await hr2.GetAsync("/api/v1/overview", Cancel), 403);
        await Expect.StatusAsync(await manager.GetAsync("/api/v1/employees/B002/performance", Cancel), 403);
        await Expect.StatusAsync(await manager.GetAsync("/api/v1/employees/B001/performance", Cancel), 200);
    }

    [Fact]
    public async Task Me_shows_the_account_as_it_is_now_not_as_the_token_froze_it()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var manager = await tenant.UserAsync("mgr", [Role.Manager, Role.Employee], "B001");
        var before = await Expect.StatusAsync(await manager.GetAsync("/api/v1/auth/me", Cancel), 200);
        Assert.Equal(["manager", "employee"], before["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["biz"], before["managedDepartments"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("业务部", before["departmentNames"]!["biz"]!.GetValue<string>());

        await Expect.StatusAsync(await tenant.Admin.PutAsJsonAsync("/api/v1/users/mgr", new { roles = new[] { "employee" } }, Cancel), 200);

        var after = await Expect.StatusAsync(await manager.GetAsync("/api/v1/auth/me", Cancel), 200);
        Assert.Equal(["employee"], after["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Empty(after["managedDepartments"]!.AsArray());
        Assert.Empty(after["departmentNames"]!.AsObject());
        Assert.Equal("B001", after["employeeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_change_is_judged_and_audited_by_the_account_as_it_is_now()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var promoted = await tenant.UserAsync("promoted", [Role.Admin]);
        var change = new Pulse.Organisation.Employee("B002", "晋升后改名", "biz");
        await Expect.StatusAsync(await promoted.PutAsJsonAsync("/api/v1/employees/B002", change, TenantClient.Json, Cancel), 403);

        // The token still says admin; the account now says HR, and the change goes through in HR's name.
        await Expect.StatusAsync(await tenant.Admin.PutAsJsonAsync("/api/v1/users/promoted", new { roles = new[] { "hr" } }, Cancel), 200);
        await Expect.StatusAsync(await promoted.PutAsJsonAsync("/api/v1/employees/B002", change, TenantClient.Json, Cancel), 200);
        var entries = await Expect.StatusAsync(await tenant.Http.GetAsync("/api/v1/audit?action=employee.update", Cancel), 200);
        Assert.Equal("promoted", entries.AsArray().Single(e => e!["entry"]!["target"]!.GetValue<string>() == "B002")!["entry"]!["actor"]!.GetValue<string>());

        await Expect.StatusAsync(await tenant.Admin.PutAsJsonAsync("/api/v1/users/promoted", new { roles = new[] { "admin" } }, Cancel), 200);
        await Expect.StatusAsync(await promoted.PutAsJsonAsync("/api/v1/employees/B002", change with { Name = "又改名" }, TenantClient.Json, Cancel), 403);
        var unchanged = await Expect.StatusAsync(await tenant.Http.GetAsync("/api/v1/audit?action=employee.update", Cancel), 200);
        Assert.Single(unchanged.AsArray(), e => e!["entry"]!["target"]!.GetValue<string>() == "B002");
    }
}

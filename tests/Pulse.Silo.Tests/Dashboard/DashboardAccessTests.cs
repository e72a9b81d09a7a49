using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Dashboard;

/// <summary>Who may connect and what they may watch: the API's credentials and rules, on the hub.</summary>
public sealed class DashboardAccessTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_connection_without_a_credential_is_refused()
    {
        await using var anonymous = DashboardConnection.Create(fixture.App, new Dictionary<string, string>());

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.Hub.StartAsync(Cancel));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_page_of_another_site_cannot_connect_with_the_users_cookie_but_the_sites_own_page_can()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await tenant.UserAsync("b002", [Role.Employee], "B002");
        var cookie = await CookieAsync(tenant.TenantId, "b002");

        await using var foreign = DashboardConnection.Create(fixture.App, new Dictionary<string, string> { ["Cookie"] = cookie, ["Origin"] = "https://evil.example" });
        var negotiate = await Assert.ThrowsAsync<HttpRequestException>(() => foreign.Hub.StartAsync(Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, negotiate.StatusCode);

        // A browser may skip negotiation and open the WebSocket directly; the upgrade is refused too.
        await using var upgrade = DashboardConnection.Create(fixture.App, new Dictionary<string, string> { ["Cookie"] = cookie, ["Origin"] = "http://localhost.evil.example" }, skipNegotiation: true);
        var direct = await Assert.ThrowsAnyAsync<Exception>(() => upgrade.Hub.StartAsync(Cancel));
        Assert.Contains("403", direct.Message, StringComparison.Ordinal);

        await using var own = DashboardConnection.Create(fixture.App, new Dictionary<string, string> { ["Cookie"] = cookie, ["Origin"] = "http://localhost" });
        await own.Hub.StartAsync(Cancel);
        var snapshot = await own.WatchEmployeeAsync("B002");
        Assert.Equal(JsonValueKind.Array, snapshot.GetProperty("alerts").ValueKind);
    }

    [Fact]
    public async Task A_watch_outside_the_callers_scope_is_refused_with_a_short_code()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");
        var manager = await tenant.UserAsync("biz-manager", [Role.Manager, Role.Employee], "B001");
        await using var asEmployee = await DashboardConnection.StartAsync(fixture.App, employee);
        await using var asManager = await DashboardConnection.StartAsync(fixture.App, manager);
        await using var asHr = await DashboardConnection.StartAsync(fixture.App, tenant.Http);

        await AssertRefusedAsync("forbidden", () => asEmployee.WatchEmployeeAsync("B003"));
        await AssertRefusedAsync("forbidden", () => asEmployee.WatchDepartmentAsync(DemoCompany.Business));
        await AssertRefusedAsync("forbidden", () => asManager.WatchDepartmentAsync(DemoCompany.Operations));
        await AssertRefusedAsync("forbidden", () => asManager.WatchEmployeeAsync("O002"));
        await AssertRefusedAsync("forbidden", () => asManager.WatchTenantAsync());
        // Outside one's scope, an unknown id is refused the same way: a refusal tells nothing about what exists.
        await AssertRefusedAsync("forbidden", () => asEmployee.WatchEmployeeAsync("NOBODY"));
        await AssertRefusedAsync("not-found", () => asHr.WatchDepartmentAsync("no-such-department"));
        await AssertRefusedAsync("not-found", () => asHr.WatchEmployeeAsync("NOBODY"));
        await AssertRefusedAsync("invalid:departmentId", () => asHr.WatchDepartmentAsync(""));
        await AssertRefusedAsync("invalid:employeeId", () => asHr.WatchEmployeeAsync(new string('x', 65)));
        await AssertRefusedAsync("invalid:scope", () => asHr.UnwatchAsync("company"));

        // Within scope, the same connections are served.
        Assert.Equal(JsonValueKind.Array, (await asEmployee.WatchEmployeeAsync("B002")).GetProperty("alerts").ValueKind);
        Assert.Equal(DemoCompany.Business, (await asManager.WatchDepartmentAsync(DemoCompany.Business)).GetProperty("department").GetProperty("departmentId").GetString());
        await asManager.WatchEmployeeAsync("B003");
        await asHr.WatchTenantAsync();
    }

    [Fact]
    public async Task Snapshots_are_what_the_API_answers_for_the_open_period()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 100_000), TestEvents.Loan("B002", 100_000), TestEvents.Loan("B002", 100_000), TestEvents.Loan("B003", 100_000)]), 200);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Default("B002", 30_000)]), 200); // 10% > 5%: an alert
        await Expect.StatusAsync(await tenant.Http.PostAsJsonAsync("/api/v1/employees/B002/feedback", new { text = "不错", kind = "praise" }, TenantClient.Json, Cancel), 201);
        await using var hr = await DashboardConnection.StartAsync(fixture.App, tenant.Http);

        var employee = await hr.WatchEmployeeAsync("B002");
        var department = await hr.WatchDepartmentAsync(DemoCompany.Business);
        var company = await hr.WatchTenantAsync();

        var rest = await tenant.GetJsonAsync("/api/v1/employees/B002/performance");
        var performance = employee.GetProperty("performance");
        Assert.Equal(rest["composite"]!.GetValue<decimal>(), performance.GetProperty("composite").GetDecimal());
        Assert.Equal(rest["eventCount"]!.GetValue<long>(), performance.GetProperty("eventCount").GetInt64());
        Assert.Equal("breached", employee.GetProperty("alerts")[0].GetProperty("kind").GetString()); // enums as camelCase strings
        Assert.Equal("praise", employee.GetProperty("feedback").GetProperty("items")[0].GetProperty("kind").GetString());
        Assert.True(employee.GetProperty("asOf").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));

        var team = (await tenant.GetJsonAsync($"/api/v1/departments/{DemoCompany.Business}/team")).AsArray();
        Assert.Equal(team.Count, department.GetProperty("members").GetArrayLength());
        var restDepartment = await tenant.GetJsonAsync($"/api/v1/departments/{DemoCompany.Business}/performance");
        Assert.Equal(restDepartment["averageComposite"]!.GetValue<decimal>(), department.GetProperty("department").GetProperty("averageComposite").GetDecimal());

        var overview = await tenant.GetJsonAsync("/api/v1/overview");
        Assert.Equal(overview["members"]!.GetValue<int>(), company.GetProperty("overview").GetProperty("members").GetInt32());
        var departments = company.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("departmentId").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { DemoCompany.Business, DemoCompany.Operations, DemoCompany.Technology }, departments);
    }

    [Fact]
    public async Task An_employee_without_events_yet_gets_a_snapshot_of_nothing_done()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await using var hr = await DashboardConnection.StartAsync(fixture.App, tenant.Http);

        var snapshot = await hr.WatchEmployeeAsync("T002");

        Assert.Equal(0, snapshot.GetProperty("performance").GetProperty("eventCount").GetInt64());
        Assert.Equal(0, snapshot.GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task A_reconnecting_client_watches_again_and_gets_what_happened_while_it_was_away()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await using var hr = await DashboardConnection.StartAsync(fixture.App, tenant.Http);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B004", 100_000)]), 200);
        var before = (await hr.WatchEmployeeAsync("B004")).GetProperty("performance").GetProperty("eventCount").GetInt64();

        await hr.Hub.StopAsync(Cancel);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B004", 200_000), TestEvents.Loan("B004", 50_000)]), 200);
        await hr.Hub.StartAsync(Cancel);
        var after = await hr.WatchEmployeeAsync("B004");

        Assert.Equal(before + 2, after.GetProperty("performance").GetProperty("eventCount").GetInt64());
        var rest = await tenant.GetJsonAsync("/api/v1/employees/B004/performance");
        Assert.Equal(rest["composite"]!.GetValue<decimal>(), after.GetProperty("performance").GetProperty("composite").GetDecimal());
    }

    private static async Task AssertRefusedAsync(string code, Func<Task> watch)
    {
        var refused = await Assert.ThrowsAsync<HubException>(watch);
        // SignalR prefixes a HubException's message with where it was thrown; the code is what follows.
        Assert.EndsWith($"HubException: {code}", refused.Message, StringComparison.Ordinal);
    }

    private async Task<string> CookieAsync(string tenantId, string userName)
    {
        using var http = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId, userName, password = TenantClient.Password, useCookie = true }, TenantClient.Json, Cancel);
        await Expect.StatusAsync(response, 204);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pulse=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }
}

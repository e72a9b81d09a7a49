using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;
using Pulse.WebDashboard.Hub;

namespace Pulse.Silo.Tests.Dashboard;

/// <summary>Changes reach the watchers of their scope live, through the engine's feed, the broadcaster and SignalR.</summary>
public sealed class DashboardLiveTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_snapshot_an_ingested_event_arrives_as_a_delta_equal_to_the_API()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var manager = await tenant.UserAsync("biz-manager", [Role.Manager, Role.Employee], "B001");
        await using var hr = await DashboardConnection.StartAsync(fixture.App, tenant.Http);
        await using var team = await DashboardConnection.StartAsync(fixture.App, manager);
        var snapshot = await hr.WatchEmployeeAsync("B002");
        await hr.WatchTenantAsync();
        await team.WatchDepartmentAsync(DemoCompany.Business);
        Assert.Equal(0, snapshot.GetProperty("performance").GetProperty("eventCount").GetInt64());

        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 250_000), TestEvents.Loan("B002", 50_000)]), 200);

        var line = Line(await hr.WaitForAsync("employeesChanged", p => HasLine(p, "B002", 2)), "B002");
        var rest = await tenant.GetJsonAsync("/api/v1/employees/B002/performance");
        Assert.Equal(tenant.TenantId, line.GetProperty("tenantId").GetString());
        Assert.Equal([DemoCompany.Business, "hq"], line.GetProperty("departmentIds").EnumerateArray().Select(d => d.GetString()));
        var performance = line.GetProperty("performance");
        Assert.Equal(rest["composite"]!.GetValue<decimal>(), performance.GetProperty("composite").GetDecimal());
        Assert.Equal(rest["streamPosition"]!.GetValue<long>(), performance.GetProperty("streamPosition").GetInt64());
        // Every indicator's numbers (the month-end projection moves with the clock, so it is left out).
        Assert.Equal(Indicators(JsonDocument.Parse(rest["sections"]!.ToJsonString()).RootElement), Indicators(performance.GetProperty("sections")));

        // The department's watchers get the member's team row and the department's aggregates; the tenant's get every department's.
        await team.WaitForAsync("teamChanged", p => HasRow(p, "B002", 2));
        var department = await team.WaitForAsync("departmentsChanged", p => Department(p, DemoCompany.Business) is { } d && d.GetProperty("membersWithData").GetInt32() == 1);
        var restDepartment = await tenant.GetJsonAsync($"/api/v1/departments/{DemoCompany.Business}/performance");
        Assert.Equal(restDepartment["averageComposite"]!.GetValue<decimal>(), Department(department, DemoCompany.Business)!.Value.GetProperty("averageComposite").GetDecimal());
        await hr.WaitForAsync("departmentsChanged", p => Department(p, "hq") is not null);
        Assert.DoesNotContain(team.Pushes, p => p.Method == "departmentsChanged" && Department(p.Payload, DemoCompany.Business) is null);
    }

    [Fact]
    public async Task A_team_delta_carries_the_compact_row_whose_numbers_equal_the_API()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var manager = await tenant.UserAsync("biz-manager", [Role.Manager, Role.Employee], "B001");
        await using var team = await DashboardConnection.StartAsync(fixture.App, manager);
        await team.WatchDepartmentAsync(DemoCompany.Business);

        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 250_000), TestEvents.Loan("B002", 50_000)]), 200);

        var delta = await team.WaitForAsync("teamChanged", p => HasRow(p, "B002", 2));
        var row = delta.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("employeeId").GetString() == "B002");
        var rest = JsonDocument.Parse((await tenant.GetJsonAsync("/api/v1/employees/B002/performance")).ToJsonString()).RootElement;
        var member = JsonDocument.Parse((await tenant.GetJsonAsync($"/api/v1/departments/{DemoCompany.Business}/team")).ToJsonString()).RootElement
            .EnumerateArray().Single(m => m.GetProperty("employeeId").GetString() == "B002");
        Assert.Equal(DemoCompany.Business, delta.GetProperty("departmentId").GetString());
        Assert.Equal(member.GetProperty("name").GetString(), row.GetProperty("name").GetString());
        Assert.Equal(rest.GetProperty("departmentId").GetString(), row.GetProperty("departmentId").GetString());
        Assert.Equal(rest.GetProperty("composite").GetDecimal(), row.GetProperty("composite").GetDecimal());
        Assert.Equal(rest.GetProperty("eventCount").GetInt64(), row.GetProperty("eventCount").GetInt64());
        // At risk by the aggregates' rule (the projection moves with the clock, so the row's own is judged).
        var judged = row.GetProperty("projectedComposite") is { ValueKind: JsonValueKind.Number } projected ? projected.GetDecimal() : row.GetProperty("composite").GetDecimal();
        Assert.Equal(rest.GetProperty("breachedAlerts").GetArrayLength() > 0 || judged < Performance.AtRiskRule.ProjectedBelow, row.GetProperty("atRisk").GetBoolean());
        // Each indicator as [value, target, attainment, score]: the scorecard's numbers, without names, units or sentences.
        var expected = rest.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("indicators").EnumerateArray())
            .Select(i => $"{i.GetProperty("id")}: {i.GetProperty("value")} {i.GetProperty("target")} {i.GetProperty("attainment")} {i.GetProperty("score")}");
        var pushed = row.GetProperty("indicators").EnumerateObject()
            .Select(i => $"{i.Name}: {string.Join(' ', i.Value.EnumerateArray().Select(n => n.ToString()))}");
        Assert.Equal(expected, pushed);
        Assert.False(row.TryGetProperty("sections", out _));
        // The member's own scorecard is not sent to the team: that goes to the employee's group only.
        Assert.DoesNotContain(team.Pushes, p => p.Method == "employeesChanged");
    }

    [Fact]
    public async Task A_refused_watch_receives_nothing_of_that_scope()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");
        var manager = await tenant.UserAsync("biz-manager", [Role.Manager, Role.Employee], "B001");
        await using var witness = await DashboardConnection.StartAsync(fixture.App, tenant.Http);
        await using var asEmployee = await DashboardConnection.StartAsync(fixture.App, employee);
        await using var asManager = await DashboardConnection.StartAsync(fixture.App, manager);
        await witness.WatchEmployeeAsync("B003");
        await witness.WatchDepartmentAsync(DemoCompany.Operations);
        await witness.WatchTenantAsync();
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => asEmployee.WatchEmployeeAsync("B003"));
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => asManager.WatchDepartmentAsync(DemoCompany.Operations));
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => asManager.WatchTenantAsync());
        await asEmployee.WatchEmployeeAsync("B002");
        await asManager.WatchDepartmentAsync(DemoCompany.Business);

        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B003", 100_000), Ticket("O002")]), 200);
        await witness.WaitForAsync("employeesChanged", p => HasLine(p, "B003", 1));
        await witness.WaitForAsync("teamChanged", p => HasRow(p, "O002", 1));
        await witness.WaitForAsync("departmentsChanged", p => Department(p, DemoCompany.Operations) is not null);
        // A push to a group is written to all its members at once, so by now a wrongly joined connection would hold it;
        // what they may see comes after it on the same connection.
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 100_000)]), 200);
        await asEmployee.WaitForAsync("employeesChanged", p => HasLine(p, "B002", 1));
        await asManager.WaitForAsync("teamChanged", p => HasRow(p, "B002", 1));

        Assert.DoesNotContain(asEmployee.Pushes, p => p.Method == "employeesChanged" && HasLine(p.Payload, "B003", 1));
        Assert.DoesNotContain(asManager.Pushes, p => p.Method == "teamChanged" && HasRow(p.Payload, "O002", 1));
        Assert.DoesNotContain(asManager.Pushes, p => p.Method == "employeesChanged");
        Assert.DoesNotContain(asManager.Pushes, p => p.Method == "departmentsChanged" && p.Payload.EnumerateArray().Any(d => d.GetProperty("departmentId").GetString() != DemoCompany.Business));
    }

    [Fact]
    public async Task After_an_unwatch_the_scope_sends_nothing_more()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await using var witness = await DashboardConnection.StartAsync(fixture.App, tenant.Http);
        await using var hr = await DashboardConnection.StartAsync(fixture.App, tenant.Http);
        await witness.WatchEmployeeAsync("B002");
        await hr.WatchEmployeeAsync("B002");
        await hr.WatchEmployeeAsync("B003");
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 100_000)]), 200);
        await hr.WaitForAsync("employeesChanged", p => HasLine(p, "B002", 1));

        await hr.UnwatchAsync("employee:B002");
        await hr.UnwatchAsync("employee:B002"); // unwatching what is not watched changes nothing
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 100_000)]), 200);
        await witness.WaitForAsync("employeesChanged", p => HasLine(p, "B002", 2));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B003", 100_000)]), 200);
        await hr.WaitForAsync("employeesChanged", p => HasLine(p, "B003", 1));

        Assert.DoesNotContain(hr.Pushes, p => p.Method == "employeesChanged" && HasLine(p.Payload, "B002", 2));
    }

    [Fact]
    public async Task After_a_reconnect_and_a_new_watch_the_deltas_flow_again()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await using var hr = await DashboardConnection.StartAsync(fixture.App, tenant.Http);
        await hr.WatchEmployeeAsync("B005");
        await hr.Hub.StopAsync(Cancel);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B005", 100_000)]), 200);

        await hr.Hub.StartAsync(Cancel);
        var snapshot = await hr.WatchEmployeeAsync("B005");
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B005", 100_000)]), 200);

        Assert.Equal(1, snapshot.GetProperty("performance").GetProperty("eventCount").GetInt64());
        await hr.WaitForAsync("employeesChanged", p => HasLine(p, "B005", 2));
    }

    [Fact]
    public async Task A_burst_of_a_thousand_events_is_pushed_a_few_times_per_interval_with_the_final_numbers()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var interval = fixture.App.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.PushInterval;
        await using var hr = await DashboardConnection.StartAsync(fixture.App, tenant.Http);
        await hr.WatchDepartmentAsync(DemoCompany.Business);
        string[] members = ["B001", "B002", "B003", "B004", "B005"];

        var sending = Stopwatch.StartNew();
        for (var post = 0; post < 20; post++)
        {
            var events = Enumerable.Range(0, 50).Select(i => TestEvents.Loan(members[(post * 50 + i) % members.Length], 1_000 + i)).ToArray();
            await Expect.StatusAsync(await tenant.PostEventsAsync(events), 200);
        }
        sending.Stop();
        foreach (var member in members)
        {
            await hr.WaitForAsync("teamChanged", p => HasRow(p, member, 200), TimeSpan.FromSeconds(30));
        }
        // The department settles once every member has reported: its last push is then what the API answers.
        var restDepartment = await Expect.EventuallyAsync(
            () => tenant.GetJsonAsync($"/api/v1/departments/{DemoCompany.Business}/performance"),
            d => LastDepartment(hr, DemoCompany.Business) is { } pushed
                && pushed.GetProperty("averageComposite").GetDecimal() == d["averageComposite"]!.GetValue<decimal>()
                && pushed.GetProperty("membersWithData").GetInt32() == d["membersWithData"]!.GetValue<int>()
                && pushed.GetProperty("indicatorAverages").ToString() == d["indicatorAverages"]!.ToJsonString(),
            TimeSpan.FromSeconds(30));

        foreach (var method in new[] { "teamChanged", "departmentsChanged" })
        {
            var pushes = hr.Pushes.Where(p => p.Method == method).Select(p => p.At).ToArray();
            var span = pushes[^1] - pushes[0];
            // One push per interval per group at most, plus the leading edge, plus one for delivery jitter.
            var bound = (int)(span / interval) + 2;
            TestContext.Current.TestOutputHelper?.WriteLine($"{pushes.Length} {method} pushes over {span.TotalMilliseconds:F0} ms for 1,000 events sent in {sending.ElapsedMilliseconds} ms (bound {bound})");
            Assert.True(pushes.Length <= bound, $"{pushes.Length} {method} pushes over {span.TotalMilliseconds:F0} ms (sent in {sending.ElapsedMilliseconds} ms); at most {bound} allowed");
        }
        foreach (var member in members)
        {
            var rest = await tenant.GetJsonAsync($"/api/v1/employees/{member}/performance");
            var last = LastRow(hr, member);
            Assert.Equal(200, rest["eventCount"]!.GetValue<long>());
            Assert.Equal(rest["composite"]!.GetValue<decimal>(), last.GetProperty("composite").GetDecimal());
        }
        Assert.Equal(5, restDepartment["membersWithData"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_alert_crossing_is_pushed_at_once_to_the_employee_and_the_tenant()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");
        await using var own = await DashboardConnection.StartAsync(fixture.App, employee);
        await using var hr = await DashboardConnection.StartAsync(fixture.App, tenant.Http);
        await own.WatchEmployeeAsync("B002");
        await hr.WatchTenantAsync();

        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 100_000), TestEvents.Loan("B002", 100_000), TestEvents.Loan("B002", 100_000)]), 200);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Default("B002", 20_000)]), 200); // 6.67% > 5%

        var alert = await own.WaitForAsync("alertRaised", _ => true);
        var rest = (await tenant.GetJsonAsync("/api/v1/employees/B002/alerts")).AsArray().Single()!;
        Assert.Equal("breached", alert.GetProperty("alert").GetProperty("kind").GetString());
        Assert.Equal(rest["atSeq"]!.GetValue<long>(), alert.GetProperty("alert").GetProperty("atSeq").GetInt64());
        Assert.Equal("bad-debt-rate", alert.GetProperty("alert").GetProperty("indicatorId").GetString());
        Assert.Contains(DemoCompany.Business, alert.GetProperty("departmentIds").EnumerateArray().Select(d => d.GetString()));
        await hr.WaitForAsync("alertRaised", a => a.GetProperty("alert").GetProperty("employeeId").GetString() == "B002");
    }

    [Fact]
    public async Task Feedback_given_and_answered_through_the_API_is_pushed_live_to_the_employee_and_the_team()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");
        var manager = await tenant.UserAsync("biz-manager", [Role.Manager, Role.Employee], "B001");
        await using var own = await DashboardConnection.StartAsync(fixture.App, employee);
        await using var team = await DashboardConnection.StartAsync(fixture.App, manager);
        await own.WatchEmployeeAsync("B002");
        await team.WatchDepartmentAsync(DemoCompany.Business);

        var given = await Expect.StatusAsync(await manager.PostAsJsonAsync("/api/v1/employees/B002/feedback", new { text = "本月放款做得很好", kind = "praise" }, TenantClient.Json, Cancel), 201);
        var id = given["id"]!.GetValue<long>();

        var pushed = await own.WaitForAsync("feedbackChanged", f => f.GetProperty("item").GetProperty("id").GetInt64() == id);
        Assert.Equal("本月放款做得很好", pushed.GetProperty("item").GetProperty("text").GetString());
        Assert.Equal("praise", pushed.GetProperty("item").GetProperty("kind").GetString());
        Assert.Equal(tenant.TenantId, pushed.GetProperty("tenantId").GetString());
        await team.WaitForAsync("feedbackChanged", f => f.GetProperty("item").GetProperty("id").GetInt64() == id);

        await Expect.StatusAsync(await employee.PostAsJsonAsync($"/api/v1/employees/B002/feedback/{id}/reply", new { kind = "acknowledge", text = "谢谢" }, TenantClient.Json, Cancel), 200);

        var answered = await team.WaitForAsync("feedbackChanged", f => f.GetProperty("item").GetProperty("reply").ValueKind == JsonValueKind.Object);
        Assert.Equal("acknowledge", answered.GetProperty("item").GetProperty("reply").GetProperty("kind").GetString());
    }

    private static object Ticket(string employeeId) => TestEvents.Make("ticket.processed", employeeId, new { minutes = 20, hasError = false });

    private static bool HasLine(JsonElement lines, string employeeId, long eventCount) =>
        lines.EnumerateArray().Any(l => l.GetProperty("employeeId").GetString() == employeeId && l.GetProperty("performance").GetProperty("eventCount").GetInt64() == eventCount);

    private static JsonElement Line(JsonElement lines, string employeeId) => lines.EnumerateArray().Last(l => l.GetProperty("employeeId").GetString() == employeeId);

    private static bool HasRow(JsonElement delta, string employeeId, long eventCount) =>
        delta.GetProperty("rows").EnumerateArray().Any(r => r.GetProperty("employeeId").GetString() == employeeId && r.GetProperty("eventCount").GetInt64() == eventCount);

    private static JsonElement LastRow(DashboardConnection connection, string employeeId) =>
        connection.Pushes.Where(p => p.Method == "teamChanged").SelectMany(p => p.Payload.GetProperty("rows").EnumerateArray())
            .Last(r => r.GetProperty("employeeId").GetString() == employeeId);

    private static string[] Indicators(JsonElement sections) =>
        [.. sections.EnumerateArray().SelectMany(s => s.GetProperty("indicators").EnumerateArray()).Select(i =>
            $"{i.GetProperty("id")}: {i.GetProperty("status")} value {i.GetProperty("value")} score {i.GetProperty("score")} attainment {i.GetProperty("attainment")} samples {i.GetProperty("samples")}")];

    private static JsonElement? LastDepartment(DashboardConnection connection, string departmentId) =>
        connection.Pushes.Where(p => p.Method == "departmentsChanged").Select(p => Department(p.Payload, departmentId)).LastOrDefault(d => d is not null);

    private static JsonElement? Department(JsonElement departments, string departmentId)
    {
        foreach (var department in departments.EnumerateArray())
        {
            if (department.GetProperty("departmentId").GetString() == departmentId) return department;
        }
        return null;
    }
}

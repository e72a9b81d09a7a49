using Pulse.Organisation;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

/// <summary>GET /api/v1/departments/{id}/team: every active member of a department and below, with their scores, to those who may read it.</summary>
public sealed class TeamApiTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HR_reads_every_active_member_with_their_name_department_and_scores()
    {
        var demo = DemoCompany.Document(10);
        Employee[] staff = [.. demo.Employees!, new Employee("B099", "离职员工", "biz", Active: false)];
        var document = demo with { Employees = staff };
        var tenant = await TenantClient.CreateAsync(fixture.App, document);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 300_000)]), 200);

        var team = (await tenant.GetJsonAsync("/api/v1/departments/biz/team")).AsArray();
        var whole = (await tenant.GetJsonAsync("/api/v1/departments/hq/team")).AsArray();

        var expected = staff.Where(e => e.DepartmentId == "biz" && e.Active).ToArray();
        Assert.Equal(expected.Select(e => e.Id), team.Select(m => m!["employeeId"]!.GetValue<string>()));
        Assert.Equal(expected.Select(e => e.Name), team.Select(m => m!["name"]!.GetValue<string>()));
        Assert.All(team, m => Assert.Equal("biz", m!["departmentId"]!.GetValue<string>()));
        var b002 = team.Single(m => m!["employeeId"]!.GetValue<string>() == "B002")!["performance"]!;
        Assert.Equal(1, b002["eventCount"]!.GetValue<int>());
        Assert.Equal(300_000m, b002["sections"]!.AsArray().SelectMany(s => s!["indicators"]!.AsArray()).Single(i => i!["id"]!.GetValue<string>() == "loan-volume")!["value"]!.GetValue<decimal>());
        Assert.Equal(0, team.Single(m => m!["employeeId"]!.GetValue<string>() == "B003")!["performance"]!["eventCount"]!.GetValue<int>());
        // The root's team is everyone active, sub-departments included.
        Assert.Equal(staff.Where(e => e.Active).Select(e => e.Id).Order(StringComparer.Ordinal),
            whole.Select(m => m!["employeeId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_manager_reads_their_own_team_but_not_another_departments_and_an_employee_reads_none()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var operationsManager = await tenant.UserAsync("ops", [Role.Manager, Role.Employee], "O001");
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");

        await Expect.StatusAsync(await operationsManager.GetAsync("/api/v1/departments/ops/team", Cancel), 200);
        await Expect.StatusAsync(await operationsManager.GetAsync("/api/v1/departments/biz/team", Cancel), 403);
        await Expect.StatusAsync(await operationsManager.GetAsync("/api/v1/departments/hq/team", Cancel), 403);
        await Expect.StatusAsync(await employee.GetAsync("/api/v1/departments/biz/team", Cancel), 403);
    }

    [Fact]
    public async Task A_bad_period_is_refused_naming_the_period_and_a_past_one_is_served()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));

        await Expect.ProblemAsync(await tenant.Http.GetAsync("/api/v1/departments/biz/team?period=2026-13", Cancel), 400, "period");
        await Expect.ProblemAsync(await tenant.Http.GetAsync("/api/v1/departments/biz/team?period=last", Cancel), 400, "period");
        var past = (await tenant.GetJsonAsync("/api/v1/departments/biz/team?period=2020-01")).AsArray();
        Assert.Equal(5, past.Count);
        Assert.All(past, m => Assert.Equal("2020-01", m!["performance"]!["period"]!.GetValue<string>()));
    }
}

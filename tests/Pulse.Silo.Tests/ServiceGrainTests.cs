using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Feedback;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Services;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

/// <summary>
/// The grains through which the dashboard hub and the chat bot reach the domain services, called as they will call
/// them: with the caller their credential presents, which may be older than the account.
/// </summary>
public sealed class ServiceGrainTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IGrainFactory Grains => fixture.App.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task Performance_is_shown_as_the_account_is_now_not_as_the_credential_says()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await tenant.UserAsync("mgr", [Role.Manager, Role.Employee], "B001");
        // A stale credential claiming HR: the account says manager of 业务部, and that is what counts.
        var presented = new Caller(tenant.TenantId, "mgr", CallerKind.User, [Role.Hr], null, []);
        var performance = Grains.GetGrain<IPerformanceGrain>(tenant.TenantId);

        Assert.Equal(AnswerStatus.Forbidden, (await performance.GetOverviewAsync(presented, null)).Status);
        Assert.Equal(AnswerStatus.Forbidden, (await performance.GetEmployeeAsync(presented, "O002", null)).Status);
        var department = await performance.GetDepartmentAsync(presented, "biz", null);
        Assert.Equal(AnswerStatus.Ok, department.Status);
        Assert.Equal("biz", department.Value?.DepartmentId);
        Assert.Equal(AnswerStatus.Ok, (await performance.GetEmployeeAsync(presented, "B002", null)).Status);
        Assert.Equal(AnswerStatus.Invalid, (await performance.GetDepartmentAsync(presented, "biz", "2026-13")).Status);

        await Expect.StatusAsync(await tenant.Admin.PutAsJsonAsync("/api/v1/users/mgr", new { roles = new[] { "employee" } }, Cancel), 200);

        Assert.Equal(AnswerStatus.Forbidden, (await performance.GetEmployeeAsync(presented, "B002", null)).Status);
        Assert.Equal(AnswerStatus.Ok, (await performance.GetEmployeeAsync(presented, "B001", null)).Status);
        var resolved = await Grains.GetGrain<IAccessPolicyGrain>(tenant.TenantId).ResolveAsync(presented);
        Assert.Equal([Role.Employee], resolved?.Roles);
        Assert.Equal("B001", resolved?.EmployeeId);
        Assert.False(await Grains.GetGrain<IAccessPolicyGrain>(tenant.TenantId).AllowsAsync(presented, Permission.DepartmentPerformanceRead, "biz"));
    }

    [Fact]
    public async Task Teams_and_departments_are_served_to_each_caller_within_their_scope()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await tenant.UserAsync("mgr", [Role.Manager, Role.Employee], "B001");
        await tenant.UserAsync("b002", [Role.Employee], "B002");
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B003", 200_000)]), 200);
        var hr = new Caller(tenant.TenantId, "hr", CallerKind.User, [Role.Hr], null, []);
        var manager = new Caller(tenant.TenantId, "mgr", CallerKind.User, [Role.Manager, Role.Employee], "B001", []);
        var employee = new Caller(tenant.TenantId, "b002", CallerKind.User, [Role.Employee], "B002", []);
        var performance = Grains.GetGrain<IPerformanceGrain>(tenant.TenantId);

        var team = await performance.GetTeamAsync(manager, "biz", null);
        Assert.Equal(AnswerStatus.Ok, team.Status);
        Assert.Equal(["B001", "B002", "B003", "B004", "B005"], team.Value!.Select(m => m.EmployeeId));
        Assert.Equal(1, team.Value!.Single(m => m.EmployeeId == "B003").Performance?.EventCount);
        Assert.Equal(AnswerStatus.Forbidden, (await performance.GetTeamAsync(manager, "ops", null)).Status);
        Assert.Equal(AnswerStatus.Forbidden, (await performance.GetTeamAsync(employee, "biz", null)).Status);
        Assert.Equal(AnswerStatus.Invalid, (await performance.GetTeamAsync(hr, "biz", "2026-13")).Status);
        Assert.Equal(AnswerStatus.NotFound, (await performance.GetTeamAsync(hr, "nowhere", null)).Status);
        Assert.Equal(10, (await performance.GetTeamAsync(hr, "hq", null)).Value?.Length);

        var all = await performance.GetDepartmentsAsync(hr, null);
        Assert.Equal(["biz", "hq", "ops", "tech"], all.Value!.Select(d => d.DepartmentId).Order(StringComparer.Ordinal));
        Assert.Equal(5, all.Value!.Single(d => d.DepartmentId == "biz").Members);
        var managed = await performance.GetDepartmentsAsync(manager, null);
        Assert.Equal(["biz"], managed.Value!.Select(d => d.DepartmentId));
        Assert.Equal(AnswerStatus.Forbidden, (await performance.GetDepartmentsAsync(employee, null)).Status);
        Assert.Equal(AnswerStatus.Invalid, (await performance.GetDepartmentsAsync(hr, "May")).Status);
    }

    [Fact]
    public async Task Feedback_given_through_the_grain_is_the_same_feedback_the_API_serves()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await tenant.UserAsync("mgr", [Role.Manager, Role.Employee], "B001");
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");
        var manager = new Caller(tenant.TenantId, "mgr", CallerKind.User, [Role.Manager, Role.Employee], "B001", []);
        var self = new Caller(tenant.TenantId, "b002", CallerKind.User, [Role.Employee], "B002", []);
        var feedback = Grains.GetGrain<IFeedbackGrain>(tenant.TenantId);

        var given = await feedback.GiveAsync(manager, "B002", new NewFeedback("继续保持", FeedbackKind.Praise, "loan-volume"));
        Assert.Equal(AnswerStatus.Ok, given.Status);
        Assert.Equal(AnswerStatus.Forbidden, (await feedback.GiveAsync(self, "B002", new NewFeedback("自夸", FeedbackKind.Praise))).Status);
        Assert.Equal(AnswerStatus.Invalid, (await feedback.GiveAsync(manager, "B002", new NewFeedback("", FeedbackKind.Note))).Status);
        Assert.Equal(AnswerStatus.Ok, (await feedback.ReplyAsync(self, "B002", given.Value!.Id, new NewFeedbackReply(FeedbackReplyKind.Acknowledge))).Status);
        Assert.Equal(AnswerStatus.Conflict, (await feedback.ReplyAsync(self, "B002", given.Value.Id, new NewFeedbackReply(FeedbackReplyKind.Object))).Status);

        var page = await Expect.StatusAsync(await employee.GetAsync("/api/v1/employees/B002/feedback", Cancel), 200);
        var item = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal(given.Value.Id, item["id"]!.GetValue<long>());
        Assert.Equal("acknowledge", item["reply"]!["kind"]!.GetValue<string>());
        var listed = await feedback.ListAsync(self, "B002", null, 10);
        Assert.Equal(given.Value.Id, Assert.Single(listed.Value!.Items).Id);
    }

    [Fact]
    public async Task A_caller_of_another_tenant_or_a_disabled_account_is_refused()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var other = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await tenant.UserAsync("leaver", [Role.Hr]);
        var outsider = new Caller(other.TenantId, "hr", CallerKind.User, [Role.Hr], null, []);
        var leaver = new Caller(tenant.TenantId, "leaver", CallerKind.User, [Role.Hr], null, []);
        var performance = Grains.GetGrain<IPerformanceGrain>(tenant.TenantId);
        Assert.Equal(AnswerStatus.Ok, (await performance.GetOverviewAsync(leaver, null)).Status);

        await Expect.StatusAsync(await tenant.Admin.PutAsJsonAsync("/api/v1/users/leaver", new { disabled = true }, Cancel), 200);

        Assert.Equal(AnswerStatus.Forbidden, (await performance.GetOverviewAsync(leaver, null)).Status);
        Assert.Equal(AnswerStatus.Forbidden, (await performance.GetOverviewAsync(outsider, null)).Status);
        Assert.Equal(AnswerStatus.Forbidden, (await Grains.GetGrain<IOrganisationGrain>(tenant.TenantId).PutDepartmentAsync(outsider, new Department("x", "外部"))).Status);
        Assert.Null(await Grains.GetGrain<IAccessPolicyGrain>(tenant.TenantId).ResolveAsync(leaver));
    }

    [Fact]
    public async Task A_change_goes_through_the_same_service_as_the_api_audited_under_the_caller()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B001", 400_000)]), 200);
        var organisation = Grains.GetGrain<IOrganisationGrain>(tenant.TenantId);
        var hr = new Caller(tenant.TenantId, "hr", CallerKind.User, [], null, []);
        var template = DemoCompany.BusinessTemplate();
        var halved = template with { Sections = [template.Sections[0] with { Indicators = [template.Sections[0].Indicators[0] with { Target = 500_000 }, .. template.Sections[0].Indicators[1..]] }, template.Sections[1]] };

        var published = await organisation.PublishTemplateAsync(hr, halved);

        Assert.Equal(AnswerStatus.Ok, published.Status);
        Assert.Equal(5, published.Value?.Recomputed);
        var after = await tenant.GetJsonAsync("/api/v1/employees/B001/performance");
        Assert.Equal(2, after["templateVersion"]!.GetValue<int>());
        var audit = await tenant.GetJsonAsync("/api/v1/audit?action=template.");
        Assert.Contains(audit.AsArray(), e => e!["entry"]!["actor"]!.GetValue<string>() == "hr" && e["entry"]!["target"]!.GetValue<string>() == "business@v2");

        var refused = await organisation.PutEmployeesAsync(hr, [new Employee("B009", "新人", "nowhere")]);
        Assert.Equal(AnswerStatus.Invalid, refused.Status);
        Assert.NotEmpty(refused.Errors);
        var admin = new Caller(tenant.TenantId, "admin", CallerKind.User, [Role.Hr], null, []);
        Assert.Equal(AnswerStatus.Forbidden, (await organisation.PutEmployeesAsync(admin, [new Employee("B009", "新人", "biz")])).Status);
    }
}

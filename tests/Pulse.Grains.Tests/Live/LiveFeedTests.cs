using System.Diagnostics;
using Orleans.Core.Internal;
using Pulse.Feedback;
using Pulse.Grains;
using Pulse.Grains.Tests.Scoring;
using Pulse.Live;
using Pulse.Performance;
using Pulse.Security;
using Pulse.Services;
using Pulse.Templates;
using Pulse.Tests.Grains;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.Live;

[Collection(ClusterCollection.Name)]
public sealed class LiveFeedTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_observer_receives_the_employee_line_and_the_department_line_after_events_are_applied()
    {
        var tenantId = await TestCompany.CreateAsync(Grains);
        await using var observer = await RecordingObserver.SubscribeAsync(fixture);
        var grain = Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, "E001"));

        await grain.ApplyEventsAsync([TestCompany.Loan("E001", 100_000), TestCompany.Loan("E001", 150_000)]);
        var expected = (await grain.GetPerformanceAsync(null))!;

        var batches = await observer.WaitForAsync(b =>
            EmployeeLines(b, tenantId, "E001").Any(l => l.Performance.EventCount == 2) &&
            DepartmentLines(b, tenantId, "biz").Any(d => d.Top.FirstOrDefault()?.Composite == expected.Composite));

        var line = EmployeeLines(batches, tenantId, "E001").Last();
        Assert.Equal("员工1", line.Name);
        Assert.Equal(["biz", "hq"], line.DepartmentIds);
        Assert.Equal(250_000m, LoanVolume(line.Performance).Value);
        Assert.Equal(expected.Composite, line.Performance.Composite);
        Assert.Equal(expected.StreamPosition, line.Performance.StreamPosition);
        var department = DepartmentLines(batches, tenantId, "biz").Last();
        var current = await Grains.GetGrain<IDepartmentGrain>(GrainKeys.For(tenantId, "biz")).GetPerformanceAsync();
        Assert.Equal(5, department.Members);
        Assert.Equal(1, department.MembersWithData);
        Assert.Equal("E001", department.Top[0].EmployeeId);
        Assert.Equal(current.IndicatorAverages, department.IndicatorAverages);
        Assert.Equal(current.AverageComposite, department.AverageComposite);
        // The parent's aggregates include the member too: its line moves with the same report.
        await observer.WaitForAsync(b => DepartmentLines(b, tenantId, "hq").Any(d => d.MembersWithData == 1 && d.Top[0].EmployeeId == "E001"));
    }

    [Fact]
    public async Task An_alert_is_sent_once_on_breach_and_once_on_recovery_and_never_again_after_a_reactivation_or_a_refold()
    {
        var tenantId = await TestCompany.CreateAsync(Grains);
        await using var observer = await RecordingObserver.SubscribeAsync(fixture);
        var grain = Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, "E002"));

        await grain.ApplyEventsAsync([TestCompany.Loan("E002", 1_000)]);
        await grain.ApplyEventsAsync([TestCompany.Default("E002", 100)]); // bad debt 10 % > 5 %: breached
        await observer.WaitForAsync(b => Alerts(b, tenantId).Length == 1);
        await grain.ApplyEventsAsync([TestCompany.Loan("E002", 100_000)]); // 0.1 %: recovered
        await observer.WaitForAsync(b => Alerts(b, tenantId).Length == 2);

        // A reactivation catches up from its snapshot and the log; a new template version refolds the whole period
        // from the log and finds both crossings again. Neither is news.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        await grain.GetPerformanceAsync(null);
        var template = SeedTemplates.Business with { Name = new LocalizedText("业务部绩效模板 v2", "Business KPIs v2") };
        var published = await Grains.GetGrain<ITenantGrain>(tenantId).PublishTemplateAsync(template);
        Assert.True(published.Applied);
        await grain.RecomputeAsync(published.Version);
        Assert.Equal(2, (await grain.GetPerformanceAsync(null))!.TemplateVersion);
        await grain.ApplyEventsAsync([TestCompany.Loan("E002", 5)]);
        var batches = await observer.WaitForAsync(b => EmployeeLines(b, tenantId, "E002").Any(l => l.Performance.EventCount == 4));

        var alerts = Alerts(batches, tenantId);
        Assert.Equal([AlertKind.Breached, AlertKind.Recovered], alerts.Select(a => a.Alert.Kind));
        Assert.All(alerts, a => Assert.Equal("bad_debt", a.Alert.IndicatorId));
        Assert.All(alerts, a => Assert.Equal(["biz", "hq"], a.DepartmentIds));
        Assert.All(alerts, a => Assert.Equal("员工2", a.EmployeeName));
        Assert.Equal([2L, 3L], alerts.Select(a => a.Alert.AtSeq));
    }

    [Fact]
    public async Task A_thousand_events_for_one_department_in_quick_succession_arrive_in_a_handful_of_batches_ending_with_the_final_numbers()
    {
        var tenantId = await TestCompany.CreateAsync(Grains);
        await using var observer = await RecordingObserver.SubscribeAsync(fixture);
        var employees = Enumerable.Range(1, 5).Select(i => $"E{i:000}").ToArray();

        // A hundred calls of ten events, twenty calls per employee, as fast as they are taken.
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(employees.Select(async id =>
        {
            var grain = Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, id));
            for (var call = 0; call < 20; call++)
            {
                await grain.ApplyEventsAsync([.. Enumerable.Range(0, 10).Select(_ => TestCompany.Loan(id, 1_000))]);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var finals = await Task.WhenAll(employees.Select(id => Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, id)).GetPerformanceAsync(null)));
        // Every member reports the same final line, so the department's average is that line's score.
        var finalAverage = LoanVolume(finals[0]!).Score;

        await observer.WaitForAsync(b => employees.All(id => EmployeeLines(b, tenantId, id).LastOrDefault()?.Performance.EventCount == 200));
        var batches = await observer.WaitForAsync(b => DepartmentLines(b, tenantId, "biz").LastOrDefault()?.IndicatorAverages.GetValueOrDefault("loan_volume") == finalAverage);

        var carrying = batches.Where(b => b.Employees.Any(l => l.TenantId == tenantId) || b.Departments.Any(d => d.TenantId == tenantId)).ToArray();
        var window = TimeSpan.FromMilliseconds(new LiveFeedOptions().ScoreWindowMilliseconds);
        TestContext.Current.TestOutputHelper?.WriteLine($"{carrying.Length} batches carried lines for 1,000 events in {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(carrying.Length <= (elapsed / window) + 10, $"{carrying.Length} batches in {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(carrying.Length < 100 / 2, $"{carrying.Length} batches for 100 calls");
        foreach (var final in finals)
        {
            var last = EmployeeLines(batches, tenantId, final!.EmployeeId).Last();
            Assert.Equal(200_000m, LoanVolume(last.Performance).Value);
            Assert.Equal(final.Composite, last.Performance.Composite);
        }
        Assert.Equal(5, DepartmentLines(batches, tenantId, "biz").Last().MembersWithData);
    }

    [Fact]
    public async Task A_silent_observer_is_dropped_after_its_expiry_while_a_renewing_one_stays()
    {
        var registry = Grains.GetGrain<ILiveFeedRegistryGrain>(0);
        await using var renewing = await RecordingObserver.SubscribeAsync(fixture);
        var started = Stopwatch.GetTimestamp(); // before it subscribes: it cannot be dropped sooner than its expiry after this
        await using var silent = await RecordingObserver.SubscribeAsync(fixture, renew: false);
        Assert.Contains(silent.Reference, await registry.GetSubscribersAsync());

        var subscribers = await Eventually.ReadAsync(registry.GetSubscribersAsync, s => !s.Contains(silent.Reference), ClusterFixture.SubscriberExpiry * 3, Ct);

        Assert.True(Stopwatch.GetElapsedTime(started) >= ClusterFixture.SubscriberExpiry * 0.9);
        Assert.Contains(renewing.Reference, subscribers);
        // The silo's feed stops sending to it once it reads the list again.
        await Eventually.ReadAsync(async () =>
        {
            await fixture.SiloService<LiveFeed>().RefreshSubscribersAsync();
            return fixture.SiloService<LiveFeed>().SubscriberCount;
        }, count => count == subscribers.Length, cancellationToken: Ct);
    }

    [Fact]
    public async Task Feedback_given_and_answered_through_the_service_is_published_with_the_employees_departments()
    {
        var tenantId = await TestCompany.CreateAsync(Grains);
        await using var observer = await RecordingObserver.SubscribeAsync(fixture);
        var service = fixture.SiloService<FeedbackService>();
        var rules = (await fixture.SiloService<TenantRulesProvider>().GetAsync(tenantId))!;
        var hr = new CallerContext(new Caller(tenantId, "hr1", CallerKind.User, [Role.Hr], null, []), rules);
        var employee = new CallerContext(new Caller(tenantId, "e3", CallerKind.User, [Role.Employee], "E003", []), rules);

        var given = await service.GiveAsync(hr, "E003", new NewFeedback("本月做得很好", FeedbackKind.Praise));
        Assert.Equal(AnswerStatus.Ok, given.Status);
        var replied = await service.ReplyAsync(employee, "E003", given.Value!.Id, new NewFeedbackReply(FeedbackReplyKind.Acknowledge, null));
        Assert.Equal(AnswerStatus.Ok, replied.Status);

        var batches = await observer.WaitForAsync(b => Feedback(b, tenantId).Length == 2);
        var published = Feedback(batches, tenantId);
        // Two batches sent one-way may arrive in either order: each item is found by whether it carries the reply.
        Assert.Equal(given.Value, Assert.Single(published, f => f.Item.Reply is null).Item);
        Assert.Equal(replied.Value, Assert.Single(published, f => f.Item.Reply is not null).Item);
        Assert.All(published, f => Assert.Equal(["biz", "hq"], f.DepartmentIds));
    }

    private static IndicatorResult LoanVolume(EmployeePerformance performance) =>
        performance.Sections.SelectMany(s => s.Indicators).Single(i => i.Id == "loan_volume");

    private static EmployeeLine[] EmployeeLines(LiveBatch[] batches, string tenantId, string employeeId) =>
        [.. batches.SelectMany(b => b.Employees).Where(l => l.TenantId == tenantId && l.EmployeeId == employeeId)];

    private static DepartmentPerformance[] DepartmentLines(LiveBatch[] batches, string tenantId, string departmentId) =>
        [.. batches.SelectMany(b => b.Departments).Where(l => l.TenantId == tenantId && l.Performance.DepartmentId == departmentId).Select(l => l.Performance)];

    private static LiveAlert[] Alerts(LiveBatch[] batches, string tenantId) =>
        [.. batches.SelectMany(b => b.Alerts).Where(a => a.Alert.TenantId == tenantId)];

    private static LiveFeedback[] Feedback(LiveBatch[] batches, string tenantId) =>
        [.. batches.SelectMany(b => b.Feedback).Where(f => f.TenantId == tenantId)];
}

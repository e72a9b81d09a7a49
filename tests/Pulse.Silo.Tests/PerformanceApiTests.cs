using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;
using static Pulse.Silo.Tests.IngestionApiTests;

namespace Pulse.Silo.Tests;

public sealed class PerformanceApiTests(AppFixture fixture)
{
    private static readonly string[] UnknownEmployees = ["ZZZ"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Live_scores_tell_how_far_the_employee_is_and_what_is_left()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B001", 500_000), TestEvents.Loan("B001", 300_000)]), 200);

        var performance = await tenant.GetJsonAsync("/api/v1/employees/B001/performance");

        var loans = Indicator(performance, "loan-volume");
        Assert.Equal(800_000m, loans["value"]!.GetValue<decimal>());
        Assert.Equal(80m, loans["attainment"]!.GetValue<decimal>());
        Assert.Equal(200_000m, loans["remaining"]!.GetValue<decimal>());
        Assert.Contains("已完成80%", loans["summary"]!.GetValue<string>());
        Assert.Contains("还需20万达标", loans["summary"]!.GetValue<string>());
        Assert.False(performance["isComplete"]!.GetValue<bool>());
        Assert.Contains("attitude", performance["pendingIndicators"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("pendingRating", Indicator(performance, "attitude")["status"]!.GetValue<string>());
        Assert.NotNull(performance["composite"]);
        Assert.Equal(2, performance["eventCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_bad_debt_alert_fires_once_on_breach_and_once_on_recovery()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 100_000), TestEvents.Loan("B002", 100_000), TestEvents.Loan("B002", 100_000)]), 200);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Default("B002", 20_000)]), 200); // 6.67% > 5%
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Default("B002", 1_000)]), 200);  // still breached: no new alert
        var breached = await tenant.GetJsonAsync("/api/v1/employees/B002/performance");
        Assert.Contains("bad-debt-rate/above-5", breached["breachedAlerts"]!.AsArray().Select(a => a!.GetValue<string>()));

        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 200_000)]), 200);    // 4.2%: recovered

        var alerts = (await tenant.GetJsonAsync("/api/v1/employees/B002/alerts")).AsArray();
        Assert.Equal(["recovered", "breached"], alerts.Select(a => a!["kind"]!.GetValue<string>()));
        Assert.All(alerts, a => Assert.Equal("bad-debt-rate", a!["indicatorId"]!.GetValue<string>()));
        var recovered = await tenant.GetJsonAsync("/api/v1/employees/B002/performance");
        Assert.Empty(recovered["breachedAlerts"]!.AsArray());
    }

    [Fact]
    public async Task A_past_period_is_scored_from_the_log_and_kept_apart_from_the_open_one()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var (lastMonth, lastPeriod) = LastMonth();
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B003", 400_000, at: lastMonth), TestEvents.Loan("B003", 50_000)]), 200);

        var past = await tenant.GetJsonAsync($"/api/v1/employees/B003/performance?period={lastPeriod}");
        var open = await tenant.GetJsonAsync("/api/v1/employees/B003/performance");

        Assert.Equal(lastPeriod, past["period"]!.GetValue<string>());
        Assert.Equal(400_000m, Indicator(past, "loan-volume")["value"]!.GetValue<decimal>());
        Assert.Equal(50_000m, Indicator(open, "loan-volume")["value"]!.GetValue<decimal>());
        await Expect.ProblemAsync(await tenant.Http.GetAsync("/api/v1/employees/B003/performance?period=2026-13", Cancel), 400, "period");
    }

    [Fact]
    public async Task Department_and_overview_aggregate_their_members_live()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B001", 1_200_000), TestEvents.Loan("B002", 100_000)]), 200);

        var business = await Expect.EventuallyAsync(
            () => tenant.GetJsonAsync("/api/v1/departments/biz/performance"),
            d => d["top"]!.AsArray().FirstOrDefault()?["employeeId"]?.GetValue<string>() == "B001");
        Assert.Equal(5, business["members"]!.GetValue<int>());
        Assert.Equal(5, business["reporting"]!.GetValue<int>());
        Assert.Equal(5, business["distribution"]!.AsArray().Sum(n => n!.GetValue<int>()));
        Assert.Equal("B001", business["bottom"]!.AsArray().Last()!["employeeId"]!.GetValue<string>());

        var overview = await tenant.GetJsonAsync("/api/v1/overview");
        Assert.Equal(10, overview["members"]!.GetValue<int>());
        Assert.Equal("B001", overview["top"]!.AsArray()[0]!["employeeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_past_month_of_a_department_and_of_the_overview_is_folded_from_the_members_events()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var (lastMonth, lastPeriod) = LastMonth();
        await Expect.StatusAsync(await tenant.PostEventsAsync(
        [
            TestEvents.Loan("B001", 1_200_000, at: lastMonth), TestEvents.Loan("B002", 100_000, at: lastMonth),
            TestEvents.Make("ticket.processed", "O002", new { minutes = 20, hasError = false }, at: lastMonth), TestEvents.Loan("B003", 900_000),
        ]), 200);

        var business = await tenant.GetJsonAsync($"/api/v1/departments/biz/performance?period={lastPeriod}");
        var overview = await tenant.GetJsonAsync($"/api/v1/overview?period={lastPeriod}");

        Assert.Equal(lastPeriod, business["period"]!.GetValue<string>());
        Assert.Equal(5, business["members"]!.GetValue<int>());
        Assert.Equal(2, business["membersWithData"]!.GetValue<int>());
        Assert.Equal(2, business["reporting"]!.GetValue<int>());
        Assert.Equal(2, business["distribution"]!.AsArray().Sum(n => n!.GetValue<int>()));
        Assert.Equal(["B001", "B002"], business["top"]!.AsArray().Select(m => m!["employeeId"]!.GetValue<string>()));
        // The same line the employee's own past scorecard gives, and the same average the aggregation makes of it.
        var b001 = await tenant.GetJsonAsync($"/api/v1/employees/B001/performance?period={lastPeriod}");
        var b002 = await tenant.GetJsonAsync($"/api/v1/employees/B002/performance?period={lastPeriod}");
        Assert.Equal(b001["composite"]!.GetValue<decimal>(), business["top"]![0]!["composite"]!.GetValue<decimal>());
        Assert.Equal(Math.Round((b001["composite"]!.GetValue<decimal>() + b002["composite"]!.GetValue<decimal>()) / 2, 2, MidpointRounding.AwayFromZero),
            business["averageComposite"]!.GetValue<decimal>());

        Assert.Equal(lastPeriod, overview["period"]!.GetValue<string>());
        Assert.Equal(10, overview["members"]!.GetValue<int>());
        Assert.Equal(3, overview["membersWithData"]!.GetValue<int>());
        Assert.Equal(["B001", "B002", "O002"], overview["top"]!.AsArray().Select(m => m!["employeeId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("B003", overview.ToJsonString(), StringComparison.Ordinal); // this month's event stays in this month
    }

    [Fact]
    public async Task A_month_without_data_says_so_instead_of_showing_zeros()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B001", 500_000)]), 200);
        var empty = TestEvents.Now.AddYears(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        foreach (var path in new[] { $"/api/v1/departments/biz/performance?period={empty}", $"/api/v1/overview?period={empty}" })
        {
            var performance = await tenant.GetJsonAsync(path);
            Assert.Equal(empty, performance["period"]!.GetValue<string>());
            Assert.Equal(0, performance["membersWithData"]!.GetValue<int>());
            Assert.Equal(0, performance["reporting"]!.GetValue<int>());
            Assert.Null(performance["averageComposite"]);
            Assert.Empty(performance["top"]!.AsArray());
            Assert.True(performance["members"]!.GetValue<int>() > 0);
        }
        await Expect.ProblemAsync(await tenant.Http.GetAsync("/api/v1/departments/biz/performance?period=2026-13", Cancel), 400, "period");
        await Expect.ProblemAsync(await tenant.Http.GetAsync("/api/v1/overview?period=last", Cancel), 400, "period");
    }

    [Fact]
    public async Task Naming_the_open_month_gives_the_live_view()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B004", 1_500_000)]), 200);
        var open = TestEvents.Now.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var business = await Expect.EventuallyAsync(
            () => tenant.GetJsonAsync($"/api/v1/departments/biz/performance?period={open}"),
            d => d["top"]!.AsArray().FirstOrDefault()?["employeeId"]?.GetValue<string>() == "B004");

        Assert.Equal(open, business["period"]!.GetValue<string>());
        Assert.True(business["membersWithData"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task Publishing_a_template_recomputes_the_open_period_without_resending_events()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B001", 400_000)]), 200);
        var before = Indicator(await tenant.GetJsonAsync("/api/v1/employees/B001/performance"), "loan-volume");
        Assert.Equal(40m, before["attainment"]!.GetValue<decimal>());

        var template = DemoCompany.BusinessTemplate();
        var halved = template with { Sections = [template.Sections[0] with { Indicators = [template.Sections[0].Indicators[0] with { Target = 500_000 }, .. template.Sections[0].Indicators[1..]] }, template.Sections[1]] };
        var published = await Expect.StatusAsync(await tenant.Http.PutAsJsonAsync("/api/v1/templates/business", halved, TenantClient.Json, Cancel), 200);
        Assert.Equal(5, published["recomputed"]!.GetValue<int>());

        var after = await tenant.GetJsonAsync("/api/v1/employees/B001/performance");
        Assert.Equal(2, after["templateVersion"]!.GetValue<int>());
        Assert.Equal(400_000m, Indicator(after, "loan-volume")["value"]!.GetValue<decimal>());
        Assert.Equal(80m, Indicator(after, "loan-volume")["attainment"]!.GetValue<decimal>());
        Assert.Equal(1, after["eventCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task What_if_scores_a_draft_against_a_past_month_and_changes_nothing()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var (lastMonth, lastPeriod) = LastMonth();
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B001", 300_000, at: lastMonth), TestEvents.Loan("B002", 600_000, at: lastMonth)]), 200);
        var template = DemoCompany.BusinessTemplate();
        var draft = template with { Sections = [template.Sections[0] with { Indicators = [template.Sections[0].Indicators[0] with { Target = 600_000 }, .. template.Sections[0].Indicators[1..]] }, template.Sections[1]] };

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/templates/what-if", new { template = draft, period = lastPeriod, departmentId = "biz" }, TenantClient.Json, Cancel);

        var previews = (await Expect.StatusAsync(response, 200)).AsArray();
        Assert.Equal(5, previews.Count);
        var b002 = previews.Single(p => p!["employeeId"]!.GetValue<string>() == "B002")!;
        Assert.Equal(100m, Indicator(b002, "loan-volume")["attainment"]!.GetValue<decimal>());
        var stored = await tenant.GetJsonAsync($"/api/v1/employees/B002/performance?period={lastPeriod}");
        Assert.Equal(60m, Indicator(stored, "loan-volume")["attainment"]!.GetValue<decimal>());
        Assert.Single((await tenant.GetJsonAsync("/api/v1/templates/business/versions")).AsArray());

        var bad = await tenant.Http.PostAsJsonAsync("/api/v1/templates/what-if", new { template = draft, period = "last month", employeeIds = UnknownEmployees }, TenantClient.Json, Cancel);
        var problem = await Expect.ProblemAsync(bad, 400, "period");
        Assert.True(problem["errors"]!.AsObject().ContainsKey("employeeIds[0]"));
    }

    internal static (DateTimeOffset At, string Period) LastMonth()
    {
        var now = TestEvents.Now;
        var start = new DateTimeOffset(now.Year, now.Month, 1, 12, 0, 0, TimeSpan.FromHours(8)).AddMonths(-1).AddDays(2);
        return (start, start.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }
}

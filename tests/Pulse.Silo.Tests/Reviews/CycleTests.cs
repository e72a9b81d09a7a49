using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Reviews;
using Pulse.Scoring;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;
using Pulse.Silo.Tests.Payroll;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// The monthly cycle through the public API on a silo whose clock the tests move: opening on the 1st in the tenant's
/// zone (and at start after missing midnight), never twice; rating at month end; the freeze after the grace window and
/// the late event it keeps out; calibration, override, approval, reopening; who may do what.
/// </summary>
public sealed class CycleTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Shanghai = Period.Zone("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = Period.Zone("America/New_York");

    private CycleClock _silo = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _silo = new CycleClock(new DateTimeOffset(2031, 1, 10, 4, 0, 0, TimeSpan.Zero));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        try { Directory.Delete(_silo.App.DataDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Opens_on_the_first_at_the_tenant_midnight_in_shanghai_and_new_york_and_never_twice()
    {
        var shanghai = await TenantClient.CreateAsync(_silo.App, DemoCompany.Document(10));
        var newYork = await TenantClient.CreateAsync(_silo.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await newYork.Admin.PutAsJsonAsync("/api/v1/tenant", new TenantSettings(newYork.TenantId, "NY Co", "America/New_York"), TenantClient.Json, Cancel), 200);

        const string month = "2031-02";
        var shanghaiMidnight = Period.Start(month, Shanghai);   // 2031-01-31T16:00Z
        var newYorkMidnight = Period.Start(month, NewYork);     // 2031-02-01T05:00Z

        _silo.MoveTo(shanghaiMidnight.AddMinutes(-1));
        await _silo.Opener.PassAsync(Cancel);
        await Expect.StatusAsync(await (await HrAsync(shanghai)).GetAsync($"/api/v1/cycles/{month}", Cancel), 404);

        _silo.MoveTo(shanghaiMidnight.AddSeconds(1));
        // Several silos' openers at once: the cycle grain decides, so one opening.
        await Task.WhenAll(_silo.Opener.PassAsync(Cancel), _silo.Opener.PassAsync(Cancel), _silo.Opener.PassAsync(Cancel));
        var hr = await HrAsync(shanghai);
        var cycle = await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{month}", Cancel), 200);
        Assert.Equal("open", cycle["status"]!.GetValue<string>());
        Assert.Equal(10, cycle["participants"]!.GetValue<int>());
        Assert.Equal(shanghaiMidnight.AddSeconds(1), cycle["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Single(cycle["transitions"]!.AsArray());
        Assert.Equal(10, cycle["missingRatings"]!.AsArray().Count);
        // 总部 has no manager: the cycle names HR as the rater of the three department heads, and their managers elsewhere.
        var byHr = cycle["missingRatings"]!.AsArray().Where(m => m!["ratedByHr"]!.GetValue<bool>()).ToArray();
        Assert.Equal(["B001", "O001", "T001"], byHr.Select(m => m!["employeeId"]!.GetValue<string>()));
        Assert.All(byHr, m => Assert.Empty(m!["managerIds"]!.AsArray()));
        Assert.Equal(["B001"], cycle["missingRatings"]!.AsArray().Single(m => m!["employeeId"]!.GetValue<string>() == "B002")!["managerIds"]!.AsArray().Select(x => x!.GetValue<string>()));
        var opened = await CycleClock.AuditAsync(hr, "cycle.open");
        var open = Assert.Single(opened, e => e!["entry"]!["target"]!.GetValue<string>() == month);
        Assert.Equal(3, JsonNode.Parse(open!["entry"]!["after"]!.GetValue<string>())!["ratedByHr"]!.GetValue<int>());

        // New York is still in January.
        await Expect.StatusAsync(await (await HrAsync(newYork)).GetAsync($"/api/v1/cycles/{month}", Cancel), 404);
        _silo.MoveTo(newYorkMidnight.AddSeconds(1));
        await _silo.Opener.PassAsync(Cancel);
        var ny = await Expect.StatusAsync(await (await HrAsync(newYork)).GetAsync($"/api/v1/cycles/{month}", Cancel), 200);
        Assert.Equal(newYorkMidnight.AddSeconds(1), ny["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(Period.End(month, NewYork), ny["monthEndsAt"]!.GetValue<DateTimeOffset>());

        // The opener's own minute timer opens nothing again.
        _silo.MoveTo(newYorkMidnight.AddMinutes(5));
        await _silo.Opener.PassAsync(Cancel);
        var again = await Expect.StatusAsync(await (await HrAsync(shanghai)).GetAsync($"/api/v1/cycles/{month}", Cancel), 200);
        Assert.Single(again["transitions"]!.AsArray());
    }

    [Fact]
    public async Task A_silo_down_at_midnight_opens_the_cycle_when_it_starts()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        const string month = "2031-03";
        var midnight = Period.Start(month, Shanghai);
        string tenantId;
        await using (var before = new CycleClock(midnight.AddHours(-2), directory))
        {
            tenantId = (await TenantClient.CreateAsync(before.App, DemoCompany.Document(10))).TenantId;
        }

        await using var after = new CycleClock(midnight.AddHours(3), directory);
        var hr = await TenantClient.SignInAsync(after.App, tenantId, "hr", TenantClient.Password);
        // Nobody calls the opener: its pass at start catches up.
        var cycle = await Expect.EventuallyAsync(async () => await hr.GetAsync($"/api/v1/cycles/{month}", Cancel), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30));
        var body = await Expect.StatusAsync(cycle, 200);
        Assert.Equal("open", body["status"]!.GetValue<string>());
        Assert.Equal(midnight.AddHours(3), body["openedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task The_month_rates_freezes_calibrates_with_quotas_and_is_approved_reopened_and_approved_again()
    {
        var tenant = await TenantClient.CreateAsync(_silo.App, DemoCompany.Document(10));
        const string month = "2031-05";
        _silo.MoveTo(Period.Start(month, Shanghai).AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);
        var hr = await HrAsync(tenant);
        var policy = ReviewPolicy.Default with
        {
            Distribution = new ForcedDistribution(DistributionScope.Tenant, [new GradeQuota("A", MaxPercent: 20m), new GradeQuota("D", MinPercent: 10m)]),
        };
        await Expect.StatusAsync(await hr.PutAsJsonAsync("/api/v1/review-policy", policy, TenantClient.Json, Cancel), 200);

        var inMonth = Period.Start(month, Shanghai).AddDays(10);
        _silo.MoveTo(inMonth);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 500_000m, at: inMonth)]), 200);

        // Month end: rating.
        var monthEnd = Period.End(month, Shanghai);
        _silo.MoveTo(monthEnd.AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);
        hr = await HrAsync(tenant);
        Assert.Equal("rating", (await CycleAsync(hr, month))["status"]!.GetValue<string>());

        // Two days before the freeze: managers still missing ratings are reminded, once.
        _silo.MoveTo(monthEnd.AddDays(1).AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);
        await _silo.Opener.PassAsync(Cancel);
        hr = await HrAsync(tenant);
        Assert.Single(await CycleClock.AuditAsync(hr, "cycle.remind"));

        // Managers rate everyone (each template has one rated indicator).
        foreach (var id in new[] { "B001", "B002", "B003", "B004", "B005", "O001", "O002", "O003", "T001", "T002" })
        {
            var indicator = id.StartsWith('T') ? "teamwork" : "attitude";
            var answer = await Review(tenant, month, id).RateAsync("hr", [new RatingInput(indicator, id == "B002" ? 5m : 3m, "按月评价")]);
            Assert.Equal(Pulse.Services.AnswerStatus.Ok, answer.Status);
        }

        // End of the 3-day grace window: frozen, calibrating.
        var freeze = CycleSchedule.FreezesAt(month, Shanghai, 3);
        Assert.Equal(monthEnd.AddDays(3), freeze);
        _silo.MoveTo(freeze.AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);
        hr = await HrAsync(tenant);
        var frozen = await CycleAsync(hr, month);
        Assert.Equal("calibrating", frozen["status"]!.GetValue<string>());
        Assert.Equal(freeze.AddMinutes(1), frozen["frozenAt"]!.GetValue<DateTimeOffset>());
        var before = await Review(tenant, month, "B002").GetAsync();
        Assert.NotNull(before?.Frozen);
        Assert.Equal(1, before.Frozen.EventCount);

        // A late event for May: kept in the log, shown as an adjustment, the frozen result unchanged.
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 400_000m, at: monthEnd.AddHours(-1))]), 200);
        var adjustments = (await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{month}/adjustments", Cancel), 200)).AsArray();
        var late = Assert.Single(adjustments);
        Assert.Equal("B002", late!["employeeId"]!.GetValue<string>());
        Assert.Equal(1, late["frozenEventCount"]!.GetValue<long>());
        Assert.Equal(2, late["currentEventCount"]!.GetValue<long>());
        Assert.Equal(before.Frozen.Composite, late["frozenComposite"]!.GetValue<decimal?>());
        Assert.Equal(before.Composite, (await Review(tenant, month, "B002").GetAsync())!.Composite);

        // Calibration: ten people, every suggestion within the quotas (S or A ≤ ⌊10 × 20%⌋ = 2, D or worse ≥ 1).
        var calibration = await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{month}/calibration", Cancel), 200);
        var rows = calibration["rows"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 10), rows.Select(r => r!["rank"]!.GetValue<int>()));
        Assert.Equal("B002", rows[0]!["employeeId"]!.GetValue<string>());
        Assert.True(rows.Count(r => r!["suggestedGrade"]!.GetValue<string>() is "S" or "A") <= 2);
        Assert.Equal("D", rows[^1]!["suggestedGrade"]!.GetValue<string>());

        // HR's override needs a reason, and is audited.
        await Expect.ProblemAsync(await hr.PutAsJsonAsync($"/api/v1/cycles/{month}/grades/B003", new { grade = "S" }, TenantClient.Json, Cancel), 400, "reason");
        await Expect.ProblemAsync(await hr.PutAsJsonAsync($"/api/v1/cycles/{month}/grades/B003", new { grade = "Z", reason = "x" }, TenantClient.Json, Cancel), 400, "grade");
        var overridden = await Expect.StatusAsync(await hr.PutAsJsonAsync($"/api/v1/cycles/{month}/grades/B003", new { grade = "S", reason = "带教新人，贡献突出" }, TenantClient.Json, Cancel), 200);
        Assert.Equal("S", overridden["grade"]!.GetValue<string>());
        Assert.Equal("带教新人，贡献突出", overridden["override"]!["reason"]!.GetValue<string>());
        Assert.Single(await CycleClock.AuditAsync(hr, "cycle.grade-override"));

        // Approve → archived; B003's pay is 8,000 × 1.5.
        var approved = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 200);
        Assert.Equal("archived", approved["status"]!.GetValue<string>());
        Assert.Equal("hr", approved["approvedBy"]!.GetValue<string>());
        var b003 = await Review(tenant, month, "B003").GetAsync();
        Assert.True(b003!.Published);
        Assert.Equal(12_000m, b003.Pay!.Amount);
        Assert.Equal("CNY", b003.Pay.Currency);
        await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 409);

        // Reopen needs a reason; it is recorded and audited, the results are taken back; re-approval publishes again.
        await Expect.ProblemAsync(await hr.PostAsJsonAsync($"/api/v1/cycles/{month}/reopen", new { }, TenantClient.Json, Cancel), 400, "reason");
        var reopened = await Expect.StatusAsync(await hr.PostAsJsonAsync($"/api/v1/cycles/{month}/reopen", new { reason = "工资基数更正" }, TenantClient.Json, Cancel), 200);
        Assert.Equal("calibrating", reopened["status"]!.GetValue<string>());
        Assert.Equal(2, reopened["revision"]!.GetValue<int>());
        Assert.Equal("工资基数更正", reopened["transitions"]!.AsArray()[^1]!["reason"]!.GetValue<string>());
        Assert.False((await Review(tenant, month, "B003").GetAsync())!.Published);
        Assert.Single(await CycleClock.AuditAsync(hr, "cycle.calibrating"), e => e!["entry"]!["actor"]!.GetValue<string>() == "hr");
        var again = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 200);
        Assert.Equal("archived", again["status"]!.GetValue<string>());
        Assert.True((await Review(tenant, month, "B003").GetAsync())!.Published);
        Assert.Equal(2, (await CycleClock.AuditAsync(hr, "cycle.approve")).Count);
    }

    [Fact]
    public async Task Quotas_per_department_count_each_top_level_department_and_differ_from_quotas_per_tenant()
    {
        // Templates of the rated indicator alone, so each composite is the rating's score (5 → 100, 4 → 80, 3 → 60).
        var seed = DemoCompany.Document(10);
        var tenant = await TenantClient.CreateAsync(_silo.App, seed with
        {
            Templates = [.. seed.Templates!.Select(t => t with { Sections = [t.Sections.Single(s => s.Id == "behavioural") with { Weight = 100 }] })],
        });
        const string month = "2031-06";
        _silo.MoveTo(Period.Start(month, Shanghai).AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);
        var ratings = new Dictionary<string, decimal>
        {
            ["B001"] = 5, ["B002"] = 5, ["B003"] = 5, ["B004"] = 4, ["B005"] = 3, ["O001"] = 5, ["O002"] = 4, ["O003"] = 3, ["T001"] = 4, ["T002"] = 3,
        };
        foreach (var (id, rating) in ratings)
        {
            var answer = await Review(tenant, month, id).RateAsync("hr", [new RatingInput(id.StartsWith('T') ? "teamwork" : "attitude", rating, "按月评价")]);
            Assert.Equal(Pulse.Services.AnswerStatus.Ok, answer.Status);
        }
        _silo.MoveTo(CycleSchedule.FreezesAt(month, Shanghai, 3).AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);
        var hr = await HrAsync(tenant);
        Assert.Equal("calibrating", (await CycleAsync(hr, month))["status"]!.GetValue<string>());

        // Bands S ≥ 90, A ≥ 80, B ≥ 70, C ≥ 60; S or A at most 20%, D at least 10%. Rank: 100 (B001 B002 B003 O001),
        // 80 (B004 O002 T001), 60 (B005 O003 T002), ties by id.
        // Per tenant (10): S or A ≤ 2 → B001 B002 keep S, the other five of S/A move to B; D ≥ 1 → T002.
        // Per department: 业务部 (5) S or A ≤ 1, D ≥ 1 → B001 S, B002–B004 B, B005 D; 运营部 (3) and 技术部 (2) S or A ≤ 0,
        // D ≥ 1 → O001 O002 T001 B, O003 T002 D.
        var perTenant = await SuggestedAsync(hr, month, DistributionScope.Tenant);
        Assert.Equal("S S B B B B B C C D", Grades(perTenant, "B001 B002 B003 O001 B004 O002 T001 B005 O003 T002"));
        var perDepartment = await SuggestedAsync(hr, month, DistributionScope.Department);
        Assert.Equal("S B B B B B B D D D", Grades(perDepartment, "B001 B002 B003 O001 B004 O002 T001 B005 O003 T002"));
    }

    [Fact]
    public async Task Ratings_are_held_still_while_an_approval_decides_and_released_when_it_is_refused()
    {
        const string month = "2031-03";
        string[] people = ["B001", "B002", "B003", "B004", "B005", "O001", "O002", "O003", "T001", "T002"];
        var tenant = await TenantClient.CreateAsync(_silo.App, DemoCompany.Document(10));
        _silo.MoveTo(Period.Start(month, Shanghai).AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);
        IEmployeeReviewGrain ReviewOf(string id) => _silo.Grains.GetGrain<IEmployeeReviewGrain>(GrainKeys.For(tenant.TenantId, $"{month}/{id}"));
        static RatingInput[] Rating(string id, decimal value) => [new RatingInput(id.StartsWith('T') ? "teamwork" : "attitude", value, "按月评价")];
        foreach (var id in people.Where(id => id != "B003")) Assert.Equal(Pulse.Services.AnswerStatus.Ok, (await ReviewOf(id).RateAsync("hr", Rating(id, 4m))).Status);
        _silo.MoveTo(CycleSchedule.FreezesAt(month, Shanghai, 3).AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);
        var hr = await HrAsync(tenant);

        // B003 still waits: the approval is refused, and the ratings it held still for its decision are free again.
        var refused = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 409);
        Assert.Contains("B003", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Pulse.Services.AnswerStatus.Ok, (await ReviewOf("B002").RateAsync("hr", Rating("B002", 5m))).Status);

        // Held (as an approval holds every review before reading the calibration), a rating cannot change.
        await ReviewOf("B003").HoldRatingsAsync(true);
        var held = await ReviewOf("B003").RateAsync("hr", Rating("B003", 3m));
        Assert.Equal(Pulse.Services.AnswerStatus.Conflict, held.Status);
        Assert.Contains("being approved", held.Detail!, StringComparison.Ordinal);
        await ReviewOf("B003").HoldRatingsAsync(false);
        Assert.Equal(Pulse.Services.AnswerStatus.Ok, (await ReviewOf("B003").RateAsync("hr", Rating("B003", 3m))).Status);

        // Approved: every review published with the composite its pay line was decided with.
        var approved = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 200);
        Assert.Equal("archived", approved["status"]!.GetValue<string>());
        foreach (var id in people)
        {
            var review = (await ReviewOf(id).GetAsync())!;
            Assert.True(review.Published);
            Assert.Equal(review.Composite, review.Pay!.Composite);
        }
    }

    [Fact]
    public async Task An_approval_the_archive_interrupts_is_recorded_and_finished_once_by_a_later_pass_or_call()
    {
        const string month = "2031-04";
        const string secret = "interrupted-approval-secret";
        string[] people = ["B001", "B002", "B003", "B004", "B005", "O001", "O002", "O003", "T001", "T002"];
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        await using var silo = new CycleClock(Period.Start(month, Shanghai).AddDays(-3), directory,
            new Dictionary<string, string> { ["Pulse:Payroll:AllowInsecureLoopback"] = "true" }, FlakyReviewArchive.Register);
        await using var receiver = await PayrollReceiver.StartAsync(silo.Clock);
        var archive = silo.App.Services.GetRequiredService<FlakyReviewArchive>();
        var tenant = await TenantClient.CreateAsync(silo.App, DemoCompany.Document(10));
        silo.MoveTo(Period.Start(month, Shanghai).AddMinutes(1));
        await silo.Opener.PassAsync(Cancel);
        foreach (var id in people)
        {
            var review = silo.Grains.GetGrain<IEmployeeReviewGrain>(GrainKeys.For(tenant.TenantId, $"{month}/{id}"));
            Assert.Equal(Pulse.Services.AnswerStatus.Ok, (await review.RateAsync("hr", [new RatingInput(id.StartsWith('T') ? "teamwork" : "attitude", 4m, "按月评价")])).Status);
        }
        silo.MoveTo(CycleSchedule.FreezesAt(month, Shanghai, 3).AddMinutes(1));
        await silo.Opener.PassAsync(Cancel);
        var hr = await TenantClient.SignInAsync(silo.App, tenant.TenantId, "hr", TenantClient.Password);
        await Expect.StatusAsync(await hr.PutAsJsonAsync("/api/v1/payroll-endpoint", new { url = receiver.NewUrl(secret, out var payrollPath), secret }, TenantClient.Json, Cancel), 200);

        // The archive's disk is full for one save: the approval stands, recorded (who, when, revision), and the answer
        // says it is being finished; nothing claims approved, nothing is audited yet, grades can no longer change.
        archive.FailNextSave();
        var interrupted = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 200);
        Assert.Equal("calibrating", interrupted["status"]!.GetValue<string>());
        Assert.Equal(("hr", 1), (interrupted["approving"]!["by"]!.GetValue<string>(), interrupted["approving"]!["revision"]!.GetValue<int>()));
        Assert.Null(interrupted["approvedAt"]);
        Assert.Equal(0, archive.Saves);
        Assert.Empty(await CycleClock.AuditAsync(hr, "cycle.approve"));
        Assert.NotNull((await CycleAsync(hr, month))["approving"]);
        var refused = await Expect.StatusAsync(await hr.PutAsJsonAsync($"/api/v1/cycles/{month}/grades/B003", new { grade = "S", reason = "带教新人" }, TenantClient.Json, Cancel), 409);
        Assert.Contains("being approved", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // The opener's next pass meets the full disk again: still being approved, nothing written, nothing audited.
        archive.FailNextSave();
        await silo.Opener.PassAsync(Cancel);
        Assert.NotNull((await CycleAsync(hr, month))["approving"]);
        Assert.Equal(0, archive.Saves);
        Assert.Empty(await CycleClock.AuditAsync(hr, "cycle.approve"));

        // HR approving again (or the next pass) finishes it as recorded: archived once, audited once, by whom and when HR approved.
        var finished = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 200);
        Assert.Equal("archived", finished["status"]!.GetValue<string>());
        Assert.Null(finished["approving"]);
        Assert.Equal("hr", finished["approvedBy"]!.GetValue<string>());
        Assert.Equal(interrupted["approving"]!["at"]!.GetValue<DateTimeOffset>(), finished["approvedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(1, archive.Saves);
        Assert.Equal(people, (await archive.ReadAsync(tenant.TenantId, ArchiveQuery.Month(month), 100, Cancel)).Rows.Select(r => r.Result.EmployeeId));
        Assert.Single(await CycleClock.AuditAsync(hr, "cycle.approve"));

        // Approving again, and more passes, change nothing.
        await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 409);
        await silo.Opener.PassAsync(Cancel);
        Assert.Equal(1, archive.Saves);
        Assert.Single(await CycleClock.AuditAsync(hr, "cycle.approve"));
        foreach (var id in people)
        {
            Assert.True((await silo.Grains.GetGrain<IEmployeeReviewGrain>(GrainKeys.For(tenant.TenantId, $"{month}/{id}")).GetAsync())!.Published, id);
        }

        // Payroll received exactly one line per employee, though the pay was pushed by both passes.
        await Expect.EventuallyAsync(async () => await CycleAsync(hr, month), c => c["payroll"]!["pushed"]!.GetValue<int>() == people.Length);
        Assert.Equal(people, receiver.Received(payrollPath).SelectMany(p => p.EmployeeIds).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Hr_opens_a_month_no_silo_opened_and_it_catches_up_with_the_clock_once()
    {
        var tenant = await TenantClient.CreateAsync(_silo.App, DemoCompany.Document(10));
        const string missed = "2031-08";
        const string current = "2031-10";
        var inMissed = Period.Start(missed, Shanghai).AddDays(12);
        _silo.MoveTo(Period.Start(current, Shanghai).AddDays(5));
        await _silo.Opener.PassAsync(Cancel);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 500_000m, at: inMissed)]), 200);
        var hr = await HrAsync(tenant);
        await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{missed}", Cancel), 404);

        // Past its grace window: open, rating and frozen in the one call.
        var opened = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{missed}/open", null, Cancel), 200);
        Assert.Equal("calibrating", opened["status"]!.GetValue<string>());
        Assert.Equal(10, opened["participants"]!.GetValue<int>());
        Assert.Equal(["open", "rating", "calibrating"], opened["transitions"]!.AsArray().Select(t => t!["to"]!.GetValue<string>()));
        Assert.Equal(1, (await Review(tenant, missed, "B002").GetAsync())!.Frozen!.EventCount);
        Assert.Single(await CycleClock.AuditAsync(hr, "cycle.open-late"), e => e!["entry"]!["actor"]!.GetValue<string>() == "hr");

        // Again: nothing more happens; the open month is answered as it stands; a month not begun is refused.
        var again = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{missed}/open", null, Cancel), 200);
        Assert.Equal(3, again["transitions"]!.AsArray().Count);
        Assert.Single(await CycleClock.AuditAsync(hr, "cycle.open-late"));
        var open = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{current}/open", null, Cancel), 200);
        Assert.Equal("open", open["status"]!.GetValue<string>());
        var future = await Expect.StatusAsync(await hr.PostAsync("/api/v1/cycles/2031-11/open", null, Cancel), 409);
        Assert.Contains("has not begun", future["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await Expect.StatusAsync(await hr.GetAsync("/api/v1/cycles/2031-11", Cancel), 404);
        await Expect.ProblemAsync(await hr.PostAsync("/api/v1/cycles/2031-13/open", null, Cancel), 400, "period");
        // Two years back at most (2029-10 from 2031-10); older months come in through the history import.
        await Expect.StatusAsync(await hr.PostAsync("/api/v1/cycles/2029-10/open", null, Cancel), 200);
        await Expect.ProblemAsync(await hr.PostAsync("/api/v1/cycles/2029-09/open", null, Cancel), 400, "period");
        await Expect.ProblemAsync(await hr.PostAsync("/api/v1/cycles/0001-01/open", null, Cancel), 400, "period");
        await Expect.StatusAsync(await hr.GetAsync("/api/v1/cycles/0001-01", Cancel), 404);

        var manager = await _silo.UserAsync(tenant, "b001", [Role.Manager, Role.Employee], "B001");
        await Expect.StatusAsync(await manager.PostAsync("/api/v1/cycles/2031-09/open", null, Cancel), 403);
        await Expect.StatusAsync(await hr.GetAsync("/api/v1/cycles/2031-09", Cancel), 404);
    }

    [Fact]
    public async Task Only_hr_drives_the_cycle_a_manager_sees_their_people_an_employee_nothing()
    {
        var tenant = await TenantClient.CreateAsync(_silo.App, DemoCompany.Document(10));
        const string month = "2031-07";
        _silo.MoveTo(Period.Start(month, Shanghai).AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);
        var employee = await _silo.UserAsync(tenant, "b003", [Role.Employee], "B003");
        var manager = await _silo.UserAsync(tenant, "b001", [Role.Manager, Role.Employee], "B001");
        var hr = await HrAsync(tenant);

        await Expect.StatusAsync(await employee.GetAsync($"/api/v1/cycles/{month}", Cancel), 403);
        await Expect.StatusAsync(await employee.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 403);
        await Expect.StatusAsync(await manager.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 403);
        await Expect.StatusAsync(await manager.GetAsync($"/api/v1/cycles/{month}/calibration", Cancel), 403);

        var mine = await Expect.StatusAsync(await manager.GetAsync($"/api/v1/cycles/{month}", Cancel), 200);
        Assert.Equal(5, mine["participants"]!.GetValue<int>());
        Assert.All(mine["missingRatings"]!.AsArray(), m => Assert.Equal("biz", m!["departmentId"]!.GetValue<string>()));

        await Expect.ProblemAsync(await hr.GetAsync("/api/v1/cycles/2031-13", Cancel), 400, "period");
        await Expect.StatusAsync(await hr.GetAsync("/api/v1/cycles/2040-01", Cancel), 404);
        // Approving an open cycle says what blocks.
        var refused = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{month}/approve", null, Cancel), 409);
        Assert.Contains("calibrating", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await Expect.ProblemAsync(await hr.PutAsJsonAsync("/api/v1/review-policy", ReviewPolicy.Default with { GraceDays = 40 }, TenantClient.Json, Cancel), 400, "graceDays");
        await Expect.StatusAsync(await manager.PutAsJsonAsync("/api/v1/review-policy", ReviewPolicy.Default, TenantClient.Json, Cancel), 403);
        await Expect.StatusAsync(await manager.GetAsync("/api/v1/review-policy", Cancel), 200);
        await Expect.StatusAsync(await employee.GetAsync("/api/v1/review-policy", Cancel), 403);
    }

    /// <summary>A fresh sign-in: moving the clock by days outlives the hour a token lasts.</summary>
    private Task<HttpClient> HrAsync(TenantClient tenant) => TenantClient.SignInAsync(_silo.App, tenant.TenantId, "hr", TenantClient.Password);

    /// <summary>Sets the seed's quotas (top 20%, bottom 10%) in <paramref name="scope"/> and reads the suggested grades by employee.</summary>
    private static async Task<Dictionary<string, string>> SuggestedAsync(HttpClient hr, string month, DistributionScope scope)
    {
        var policy = ReviewPolicy.Default with { Distribution = new ForcedDistribution(scope, [new GradeQuota("A", MaxPercent: 20m), new GradeQuota("D", MinPercent: 10m)]) };
        await Expect.StatusAsync(await hr.PutAsJsonAsync("/api/v1/review-policy", policy, TenantClient.Json, Cancel), 200);
        var calibration = await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{month}/calibration", Cancel), 200);
        return calibration["rows"]!.AsArray().ToDictionary(r => r!["employeeId"]!.GetValue<string>(), r => r!["suggestedGrade"]!.GetValue<string>(), StringComparer.Ordinal);
    }

    private static string Grades(Dictionary<string, string> grades, string ids) => string.Join(' ', ids.Split(' ').Select(id => grades[id]));

    private static async Task<JsonNode> CycleAsync(HttpClient hr, string month) => await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{month}", Cancel), 200);


    private IEmployeeReviewGrain Review(TenantClient tenant, string month, string employeeId) =>
        _silo.Grains.GetGrain<IEmployeeReviewGrain>(GrainKeys.For(tenant.TenantId, $"{month}/{employeeId}"));
}

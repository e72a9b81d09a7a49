using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains;
using Pulse.Scoring;
using Pulse.Security;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Reviews;

public sealed class RatingsApiTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object[] Attitude(decimal rating, string comment = "工作主动,沟通清楚") => [new { indicatorId = "attitude", rating, comment }];

    [Fact]
    public async Task A_manager_rates_the_people_in_scope_and_nobody_else()
    {
        var reviews = await RatingsTenant.CreateAsync(fixture.App);
        await reviews.StartAsync("B001");
        var manager = await reviews.ManagerAsync();

        var rated = await Expect.StatusAsync(await reviews.RateAsync(manager, "B002", Attitude(4)), 200);

        var rating = Assert.Single(rated["ratings"]!.AsArray())!;
        Assert.Equal("attitude", rating["indicatorId"]!.GetValue<string>());
        Assert.Equal(4m, rating["rating"]!.GetValue<decimal>());
        Assert.Equal("工作主动,沟通清楚", rating["comment"]!.GetValue<string>());
        Assert.Equal("b001", rating["by"]!.GetValue<string>());
        await Expect.StatusAsync(await reviews.RateAsync(manager, "O002", Attitude(4)), 403);    // another department
        await Expect.StatusAsync(await reviews.RateAsync(manager, "B001", Attitude(5)), 403);    // themself
        await Expect.StatusAsync(await reviews.RateAsync(reviews.Tenant.Http, "B002", Attitude(5)), 403); // HR calibrates, it does not rate
        await Expect.StatusAsync(await reviews.RateAsync(await reviews.EmployeeAsync("B003"), "B002", Attitude(5)), 403);
        Assert.Empty((await reviews.GetAsync(reviews.Tenant.Http, "O002"))["ratings"]!.AsArray());
        Assert.Empty((await reviews.GetAsync(reviews.Tenant.Http, "B001"))["ratings"]!.AsArray());

        var given = Assert.Single(await reviews.AuditAsync("review.rating."))!["entry"]!;
        Assert.Equal("review.rating.give", given["action"]!.GetValue<string>());
        Assert.Equal("b001", given["actor"]!.GetValue<string>());
        Assert.Equal($"{reviews.Period}/B002/attitude", given["target"]!.GetValue<string>());
        Assert.DoesNotContain("工作主动", given["after"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hr_rates_a_department_head_nobody_is_above_and_nobody_else()
    {
        // The seed's 总部 has no manager: nobody is above B001, the head of 业务部, so HR rates them. B002 has B001.
        var reviews = await RatingsTenant.CreateAsync(fixture.App);
        await reviews.StartAsync("B001");
        var hr = reviews.Tenant.Http;

        var rated = await Expect.StatusAsync(await reviews.RateAsync(hr, "B001", Attitude(4, "带领团队完成季度目标")), 200);
        Assert.Equal("hr", Assert.Single(rated["ratings"]!.AsArray())!["by"]!.GetValue<string>());
        await Expect.ProblemAsync(await reviews.RateAsync(hr, "B001", Attitude(9)), 400, "ratings[0].rating");

        // Someone with a manager is refused before anything is looked at: reviewed or not, existing or not, the same 403.
        await Expect.StatusAsync(await reviews.RateAsync(hr, "B002", Attitude(4)), 403);
        await Expect.StatusAsync(await reviews.RateAsync(hr, "O003", Attitude(4)), 403);
        await Expect.StatusAsync(await reviews.RateAsync(hr, "X999", Attitude(4)), 403);
        Assert.Empty((await reviews.GetAsync(hr, "B002"))["ratings"]!.AsArray());

        // Nobody rates themself: not an HR account of the head's own, not the head as the manager of 业务部.
        var hrWhoIsTheHead = await reviews.Tenant.UserAsync("hr-b001", [Role.Hr, Role.Employee], "B001");
        await Expect.StatusAsync(await reviews.RateAsync(hrWhoIsTheHead, "B001", Attitude(5)), 403);
        await Expect.StatusAsync(await reviews.RateAsync(await reviews.ManagerAsync(), "B001", Attitude(5)), 403);

        var given = Assert.Single(await reviews.AuditAsync("review.rating."))!["entry"]!;
        Assert.Equal(("review.rating.give", "hr", $"{reviews.Period}/B001/attitude"),
            (given["action"]!.GetValue<string>(), given["actor"]!.GetValue<string>(), given["target"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_employee_reads_only_their_own_review_and_sees_the_ratings_once_published()
    {
        var reviews = await RatingsTenant.CreateAsync(fixture.App);
        var manager = await reviews.ManagerAsync();
        var employee = await reviews.EmployeeAsync("B002");
        await Expect.StatusAsync(await reviews.RateAsync(manager, "B002", Attitude(4)), 200);

        var unpublished = await reviews.GetAsync(employee, "B002");
        Assert.Equal(["attitude"], unpublished["ratedIndicators"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Empty(unpublished["ratings"]!.AsArray());
        Assert.Null(unpublished["grade"]);
        Assert.Single((await reviews.GetAsync(manager, "B002"))["ratings"]!.AsArray());
        Assert.Single((await reviews.GetAsync(reviews.Tenant.Http, "B002"))["ratings"]!.AsArray());
        await Expect.StatusAsync(await employee.GetAsync(reviews.Path("B003"), Cancel), 403);
        await Expect.StatusAsync(await employee.GetAsync(reviews.Path("O002"), Cancel), 403);
        await Expect.StatusAsync(await manager.GetAsync(reviews.Path("O002"), Cancel), 403);

        await reviews.GradeAsync("B002");
        await reviews.PublishAsync("B002");

        var published = await reviews.GetAsync(employee, "B002");
        Assert.True(published["published"]!.GetValue<bool>());
        Assert.Equal("工作主动,沟通清楚", Assert.Single(published["ratings"]!.AsArray())!["comment"]!.GetValue<string>());
        Assert.Equal("A", published["grade"]!.GetValue<string>());
        Assert.Equal(9_600m, published["pay"]!["amount"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_cycle_that_does_not_exist_is_not_found_and_a_bad_period_is_named()
    {
        var reviews = await RatingsTenant.CreateAsync(fixture.App);
        var manager = await reviews.ManagerAsync();

        await Expect.StatusAsync(await reviews.Tenant.Http.GetAsync("/api/v1/cycles/2023-01/employees/B002", Cancel), 404);
        await Expect.StatusAsync(await manager.PutAsJsonAsync("/api/v1/cycles/2023-01/employees/B002/ratings", Attitude(4), TenantClient.Json, Cancel), 404);
        await Expect.ProblemAsync(await reviews.Tenant.Http.GetAsync("/api/v1/cycles/2024-13/employees/B002", Cancel), 400, "period", "yyyy-MM");
        await Expect.ProblemAsync(await manager.PutAsJsonAsync("/api/v1/cycles/202411/employees/B002/ratings", Attitude(4), TenantClient.Json, Cancel), 400, "period");
    }

    [Fact]
    public async Task Ratings_off_the_scale_or_without_a_comment_are_refused_naming_the_field_and_nothing_is_written()
    {
        var reviews = await RatingsTenant.CreateAsync(fixture.App);
        var manager = await reviews.ManagerAsync();

        await Expect.ProblemAsync(await reviews.RateAsync(manager, "B002", Attitude(6)), 400, "ratings[0].rating", "1 to 5");
        await Expect.ProblemAsync(await reviews.RateAsync(manager, "B002", Attitude(0)), 400, "ratings[0].rating");
        await Expect.ProblemAsync(await reviews.RateAsync(manager, "B002", Attitude(4.5m)), 400, "ratings[0].rating", "whole number");
        await Expect.ProblemAsync(await reviews.RateAsync(manager, "B002", Attitude(4, "   ")), 400, "ratings[0].comment", "Required");
        await Expect.ProblemAsync(await reviews.RateAsync(manager, "B002", Attitude(4, new string('好', ReviewInputMax + 1))), 400, "ratings[0].comment", "2000");
        await Expect.ProblemAsync(await reviews.RateAsync(manager, "B002", new object[] { new { indicatorId = "loan-volume", rating = 4, comment = "不是评分指标" } }), 400, "ratings[0].indicatorId", "attitude");
        await Expect.ProblemAsync(await reviews.RateAsync(manager, "B002", Array.Empty<object>()), 400, "ratings");
        var twice = await Expect.ProblemAsync(await reviews.RateAsync(manager, "B002", new object[]
        {
            new { indicatorId = "attitude", rating = 4, comment = "好" },
            new { indicatorId = "attitude", rating = 3, comment = "" },
        }), 400, "ratings[1].comment");
        Assert.True(twice["errors"]!.AsObject().ContainsKey("ratings[1].indicatorId"));

        Assert.Empty((await reviews.GetAsync(manager, "B002"))["ratings"]!.AsArray());
        Assert.Empty(await reviews.AuditAsync("review.rating."));
        // The longest comment allowed is kept whole.
        var longest = new string('好', ReviewInputMax);
        var rated = await Expect.StatusAsync(await reviews.RateAsync(manager, "B002", Attitude(1, longest)), 200);
        Assert.Equal(longest, rated["ratings"]![0]!["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ratings_change_until_the_review_is_graded_and_each_change_keeps_who_and_when()
    {
        var reviews = await RatingsTenant.CreateAsync(fixture.App);
        var manager = await reviews.ManagerAsync();

        await Expect.StatusAsync(await reviews.RateAsync(manager, "B002", Attitude(3, "还需加强")), 200);
        var changed = await Expect.StatusAsync(await reviews.RateAsync(manager, "B002", Attitude(4, "后半月进步明显")), 200);
        Assert.Equal(4m, changed["ratings"]![0]!["rating"]!.GetValue<decimal>());
        Assert.Equal("后半月进步明显", changed["ratings"]![0]!["comment"]!.GetValue<string>());

        // Frozen (calibrating) is still before the grade: a rating may change.
        await reviews.Review("B002").FreezeAsync(Frozen(reviews.Period, "B002"));
        await Expect.StatusAsync(await reviews.RateAsync(manager, "B002", Attitude(5, "校准前再次调整")), 200);
        await reviews.GradeAsync("B002");
        var refused = await Expect.StatusAsync(await reviews.RateAsync(manager, "B002", Attitude(2, "太晚了")), 409);
        Assert.Contains("graded", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(5m, (await reviews.GetAsync(manager, "B002"))["ratings"]![0]!["rating"]!.GetValue<decimal>());
        var audit = (await reviews.AuditAsync("review.rating.")).Select(e => e!["entry"]!).ToArray();
        Assert.Equal(["review.rating.give", "review.rating.change", "review.rating.change"], audit.Select(e => e["action"]!.GetValue<string>()));
        Assert.Contains("\"rating\":3", audit[1]["before"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"rating\":4", audit[1]["after"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_employee_self_assesses_once_before_the_freeze()
    {
        var reviews = await RatingsTenant.CreateAsync(fixture.App);
        var manager = await reviews.ManagerAsync();
        var employee = await reviews.EmployeeAsync("B002");
        var assessment = new { ratings = new[] { new { indicatorId = "attitude", rating = 4, comment = (string?)null } }, comment = "本月主动承担了新产品推广" };

        await Expect.StatusAsync(await reviews.SelfAssessAsync(manager, "B002", assessment), 403);
        await Expect.StatusAsync(await reviews.SelfAssessAsync(employee, "B003", assessment), 403);
        await Expect.ProblemAsync(await reviews.SelfAssessAsync(employee, "B002", new { ratings = new[] { new { indicatorId = "attitude", rating = 7 } } }), 400, "ratings[0].rating");
        await Expect.ProblemAsync(await reviews.SelfAssessAsync(employee, "B002", new { comment = new string('x', ReviewInputMax + 1) }), 400, "comment");

        var given = await Expect.StatusAsync(await reviews.SelfAssessAsync(employee, "B002", assessment), 200);
        Assert.Equal("本月主动承担了新产品推广", given["selfAssessment"]!["comment"]!.GetValue<string>());
        Assert.Equal(4m, given["selfAssessment"]!["ratings"]![0]!["rating"]!.GetValue<decimal>());
        await Expect.StatusAsync(await reviews.SelfAssessAsync(employee, "B002", assessment), 409);
        Assert.Equal("本月主动承担了新产品推广", (await reviews.GetAsync(manager, "B002"))["selfAssessment"]!["comment"]!.GetValue<string>());
        Assert.Single(await reviews.AuditAsync("review.self-assessment"));

        var late = await reviews.EmployeeAsync("B003");
        await reviews.Review("B003").FreezeAsync(Frozen(reviews.Period, "B003"));
        await Expect.StatusAsync(await reviews.SelfAssessAsync(late, "B003", assessment), 409);
    }

    [Fact]
    public async Task The_employee_answers_once_after_publication_and_an_objection_reaches_HR()
    {
        var reviews = await RatingsTenant.CreateAsync(fixture.App);
        var employee = await reviews.EmployeeAsync("B002");
        var objection = new { kind = "object", text = "坏账率统计包含了已转出的客户" };

        await Expect.StatusAsync(await reviews.RespondAsync(employee, "B002", objection), 409); // not published yet
        await reviews.GradeAsync("B002", "C");
        await reviews.PublishAsync("B002");
        await Expect.StatusAsync(await reviews.RespondAsync(await reviews.ManagerAsync(), "B002", objection), 403);
        await Expect.StatusAsync(await reviews.RespondAsync(reviews.Tenant.Http, "B002", objection), 403);
        await Expect.ProblemAsync(await reviews.RespondAsync(employee, "B002", new { text = "?" }), 400, "kind");
        await Expect.ProblemAsync(await reviews.RespondAsync(employee, "B002", new { kind = "object" }), 400, "text", "why");
        await Expect.ProblemAsync(await reviews.RespondAsync(employee, "B002", new { kind = "acknowledge", text = new string('x', ReviewInputMax + 1) }), 400, "text");

        var answered = await Expect.StatusAsync(await reviews.RespondAsync(employee, "B002", objection), 200);
        Assert.Equal("object", answered["response"]!["kind"]!.GetValue<string>());
        await Expect.StatusAsync(await reviews.RespondAsync(employee, "B002", new { kind = "acknowledge" }), 409);

        var audited = Assert.Single(await reviews.AuditAsync("review.objection"))!["entry"]!;
        Assert.Equal("b002", audited["actor"]!.GetValue<string>());
        Assert.Equal($"{reviews.Period}/B002", audited["target"]!.GetValue<string>());
        Assert.Contains("坏账率统计包含了已转出的客户", audited["after"]!.GetValue<string>(), StringComparison.Ordinal);
        var objections = (await Expect.StatusAsync(await reviews.Tenant.Http.GetAsync($"/api/v1/cycles/{reviews.Period}/objections", Cancel), 200)).AsArray();
        var listed = Assert.Single(objections)!;
        Assert.Equal("B002", listed["employeeId"]!.GetValue<string>());
        Assert.Equal("坏账率统计包含了已转出的客户", listed["response"]!["text"]!.GetValue<string>());
        await Expect.StatusAsync(await (await reviews.ManagerAsync("b001b")).GetAsync($"/api/v1/cycles/{reviews.Period}/objections", Cancel), 403);

        // An acknowledgement is audited as such and is not an objection.
        await reviews.GradeAsync("B003");
        await reviews.PublishAsync("B003");
        await Expect.StatusAsync(await reviews.RespondAsync(await reviews.EmployeeAsync("B003"), "B003", new { kind = "acknowledge" }), 200);
        Assert.Single(await reviews.AuditAsync("review.acknowledgement"));
        Assert.Single((await Expect.StatusAsync(await reviews.Tenant.Http.GetAsync($"/api/v1/cycles/{reviews.Period}/objections", Cancel), 200)).AsArray());
    }

    [Fact]
    public async Task The_composite_follows_the_template_and_stops_being_provisional_when_every_rating_is_in()
    {
        var live = Period.Of(TestEvents.Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var reviews = await RatingsTenant.CreateAsync(fixture.App, live, "B002");
        await Expect.StatusAsync(await reviews.Tenant.PostEventsAsync([TestEvents.Loan("B002", 300_000m), TestEvents.Loan("B002", 500_000m)]), 200);
        var employee = fixture.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IEmployeeGrain>(GrainKeys.For(reviews.Tenant.TenantId, "B002"));
        var frozen = await Expect.EventuallyAsync(() => employee.GetPerformanceAsync(live), p => p?.EventCount == 2);

        var review = await reviews.Review("B002").FreezeAsync(frozen!);

        // 量化: loan volume 800k of 1M scores 80 (weight 70), bad debt 0% scores 100 (20), complaints 0% score 100 (10) → 86.
        Assert.False(review.IsComplete);
        Assert.Equal(86m, review.Composite);                  // provisional: the behavioural 30% waits for the rating
        var manager = await reviews.ManagerAsync();
        var rated = await Expect.StatusAsync(await reviews.RateAsync(manager, "B002", Attitude(4)), 200);
        Assert.True(rated["isComplete"]!.GetValue<bool>());
        Assert.Equal(84.2m, rated["composite"]!.GetValue<decimal>()); // 0.7 × 86 + 0.3 × (4 × 20)

        // A later event does not move the frozen result.
        await Expect.StatusAsync(await reviews.Tenant.PostEventsAsync([TestEvents.Loan("B002", 200_000m)]), 200);
        await Expect.EventuallyAsync(() => employee.GetPerformanceAsync(live), p => p?.EventCount == 3);
        Assert.Equal(84.2m, (await reviews.Review("B002").FreezeAsync((await employee.GetPerformanceAsync(live))!)).Composite);
    }

    private const int ReviewInputMax = Pulse.Reviews.ReviewInput.MaxText;

    private static Pulse.Performance.EmployeePerformance Frozen(string period, string employeeId) =>
        new(employeeId, "biz", period, "business", 1, null, false, ["attitude"], [], [], 0, 0, DateTimeOffset.UnixEpoch);
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pulse.Integration.Tests.Dashboard;
using Pulse.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pulse.Integration.Tests.Review;

/// <summary>The monthly review in the dashboard: HR's cycle page and a manager's rating form, against the API's numbers.</summary>
public sealed class ReviewPagesTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The open month in the tenant's zone (the demo company's, Asia/Shanghai).</summary>
    private static string OpenPeriod =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task HR_sees_the_open_cycles_status_and_participants_as_the_API_gives_them_also_on_a_phone()
    {
        var cycle = await OpenCycleAsync();
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "hr");
        await Expect(page.Locator("nav a[href^='#/review/']")).ToBeVisibleAsync();
        await page.GotoAsync($"/#/review/{cycle.Period}");

        await Expect(page.Locator("[data-testid=cycle-status]")).ToHaveAttributeAsync("data-status", cycle.Status);
        await Expect(page.Locator("[data-testid=cycle-participants]")).ToHaveTextAsync(cycle.Participants.ToString(CultureInfo.InvariantCulture));
        Assert.True(cycle.Participants > 0, "The open cycle has no participants.");
        var again = await CycleAsync(cycle.Period);
        await Expect(page.Locator("[data-testid=cycle-rated]")).ToHaveTextAsync(again!.Rated.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=missing-ratings] tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=pay-downloads] a[data-format=csv]")).ToHaveAttributeAsync("href", $"/api/v1/cycles/{cycle.Period}/pay?format=csv");
        await Expect(page.Locator("[data-testid=reports] h3")).ToBeVisibleAsync();
        await DashboardSite.ScreenshotAsync(page, "review");
        await DashboardSite.AssertNoCspViolationsAsync(page);
        await page.Context.CloseAsync();

        // 375 px wide: the same numbers, and the page does not scroll sideways (tables scroll inside their box).
        var phone = await site.NewPageAsync(375, 812);
        await DashboardSite.SignInAsync(phone, "hr");
        await phone.GotoAsync($"/#/review/{cycle.Period}");
        await Expect(phone.Locator("[data-testid=cycle-participants]")).ToHaveTextAsync(cycle.Participants.ToString(CultureInfo.InvariantCulture));
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375, "The review page scrolls sideways at 375 px.");
        await DashboardSite.ScreenshotAsync(phone, "review-phone");
        await DashboardSite.AssertNoCspViolationsAsync(phone);
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_rates_a_person_through_the_form_the_servers_reason_shows_at_the_field_and_the_cycles_rated_count_rises()
    {
        var cycle = await OpenCycleAsync();
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "mgr");
        var row = page.Locator($"tr[data-employee-id={DashboardSite.OtherEmployee}]");
        await row.Locator("a[data-action=rate]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/rate/{DashboardSite.OtherEmployee}/\\d{{4}}-\\d{{2}}$"));
        if (!page.Url.EndsWith(cycle.Period, StringComparison.Ordinal)) await page.GotoAsync($"/#/rate/{DashboardSite.OtherEmployee}/{cycle.Period}");

        var form = page.Locator($"form.rv-rate[data-employee-id={DashboardSite.OtherEmployee}]");
        var indicators = form.Locator("fieldset[data-indicator]");
        await Expect(indicators.First).ToBeVisibleAsync();
        var ids = await indicators.EvaluateAllAsync<string[]>("all => all.map(f => f.dataset.indicator)");
        Assert.NotEmpty(ids);

        // Ratings without comments: the API refuses, and its reason appears under each comment.
        foreach (var id in ids) await form.Locator($"fieldset[data-indicator='{id}'] input[type=radio][value='4']").CheckAsync();
        await form.Locator("[data-action=save-ratings]").ClickAsync();
        await Expect(form.Locator($"[data-error-for='comment:{ids[0]}']")).ToContainTextAsync("Required");
        Assert.Equal(cycle.Rated, (await CycleAsync(cycle.Period))!.Rated);

        foreach (var id in ids) await form.Locator($"fieldset[data-indicator='{id}'] textarea").FillAsync("沟通及时，客户反馈好。");
        await form.Locator("[data-action=save-ratings]").ClickAsync();
        await Expect(page.Locator("[data-testid=rate-saved]")).ToHaveTextAsync("已保存。");
        await Expect(form.Locator($"[data-error-for='comment:{ids[0]}']")).ToBeEmptyAsync();
        await DashboardSite.ScreenshotAsync(page, "rate");
        await DashboardSite.AssertNoCspViolationsAsync(page);

        var after = await Eventually.ReadAsync(() => CycleAsync(cycle.Period), c => c is not null && c.Rated >= cycle.Rated + 1, TimeSpan.FromSeconds(10), Cancel);
        Assert.Equal(cycle.Rated + 1, after!.Rated);
        Assert.DoesNotContain(after.MissingIds, id => id == DashboardSite.OtherEmployee);

        // The review page shows the new count too, and the person is no longer missing.
        await page.GotoAsync($"/#/review/{cycle.Period}");
        await Expect(page.Locator("[data-testid=cycle-rated]")).ToHaveTextAsync(after.Rated.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator($"[data-testid=missing-ratings] tr[data-employee-id={DashboardSite.OtherEmployee}]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private sealed record Cycle(string Period, string Status, int Participants, int Rated, string[] MissingIds);

    /// <summary>The open month's cycle; the cycle opener opens it within its first minute after the tenant exists.</summary>
    private async Task<Cycle> OpenCycleAsync() =>
        (await Eventually.ReadAsync(() => CycleAsync(OpenPeriod), c => c is not null, TimeSpan.FromSeconds(120), Cancel))!;

    private async Task<Cycle?> CycleAsync(string period)
    {
        using var http = site.Silo.WithBearer(site.HrToken);
        using var response = await http.GetAsync($"/api/v1/cycles/{period}", Cancel);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        return new Cycle(body["period"]!.GetValue<string>(), body["status"]!.GetValue<string>(), body["participants"]!.GetValue<int>(), body["rated"]!.GetValue<int>(),
            [.. body["missingRatings"]!.AsArray().Select(m => m!["employeeId"]!.GetValue<string>())]);
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pulse.Integration.Tests.Dashboard;

/// <summary>The dashboard as people use it: a real silo, the app it serves, the machine's Chromium.</summary>
public sealed class DashboardBrowserTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_manager_signs_in_and_sees_the_team_and_an_event_changes_the_number_within_two_seconds_without_reloading()
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "mgr");

        // Routed by role: a manager lands on their department, the team as a table.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/department/biz$"));
        // Titled with the department's name, which a manager reads from their own account, not the organisation.
        var business = site.Organisation.Departments!.Single(d => d.Id == Pulse.Silo.Demo.DemoCompany.Business);
        await Expect(page.Locator("h1 .department-name")).ToHaveTextAsync(business.Name);
        var salespeople = site.Organisation.Employees!.Where(e => e.DepartmentId == Pulse.Silo.Demo.DemoCompany.Business).ToArray();
        await Expect(page.Locator("[data-testid=team-table] tbody tr[data-employee-id]")).ToHaveCountAsync(salespeople.Length);
        var other = salespeople.Single(e => e.Id == DashboardSite.OtherEmployee);
        await Expect(page.Locator($"tr[data-employee-id={other.Id}]")).ToContainTextAsync(other.Name);
        await Expect(page.Locator("header .conn")).ToHaveAttributeAsync("data-state", "live");
        var cell = page.Locator($"tr[data-employee-id={other.Id}] td[data-col='ind:loan-volume'] .value");
        await Expect(cell).ToContainTextAsync("100,000");
        await DashboardSite.ScreenshotAsync(page, "department");
        await DashboardSite.AssertNoCspViolationsAsync(page);

        // The page must not reload: a mark left in the window survives only if it does not.
        await page.EvaluateAsync("() => { window.pulseTestMark = 'still here'; }");
        await site.PostLoanAsync(other.Id, 23_456m, Cancel);
        var shown = System.Diagnostics.Stopwatch.StartNew();
        await Expect(cell).ToContainTextAsync("123,456", new() { Timeout = 2_000 });
        Assert.True(shown.Elapsed < TimeSpan.FromSeconds(2), $"The number changed after {shown.Elapsed}.");
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.pulseTestMark"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_employee_who_types_another_employees_address_sees_a_refusal_not_data()
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "emp");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/employee/{DashboardSite.OwnEmployee}$"));
        await Expect(page.Locator("[data-testid=composite]")).ToBeVisibleAsync();
        await Expect(page.Locator(".indicator-line[data-indicator=loan-volume] .summary-sentence")).ToBeVisibleAsync();
        await DashboardSite.ScreenshotAsync(page, "me");

        // A past month comes from the API, read-only: this tenant has no data before this month.
        var previous = DateTime.Now.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#period").FillAsync(previous);
        await Expect(page.Locator("[data-live=false]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=scorecard]")).ToContainTextAsync("这个月没有数据");

        await page.GotoAsync($"/#/employee/{DashboardSite.OtherEmployee}");
        await Expect(page.Locator("[data-testid=refusal]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=refusal]")).ToContainTextAsync("无权");
        await Expect(page.Locator("[data-testid=composite]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".indicator-line")).ToHaveCountAsync(0);
        var other = site.Organisation.Employees!.Single(e => e.Id == DashboardSite.OtherEmployee);
        Assert.DoesNotContain(other.Name, await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Feedback_given_inline_shows_the_servers_error_at_the_field_and_is_sent_once_corrected()
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "mgr");
        var row = page.Locator($"tr[data-employee-id={DashboardSite.OtherEmployee}]");
        await row.Locator("[data-action=feedback]").ClickAsync();
        var form = page.Locator($"form.feedback-form[data-employee-id={DashboardSite.OtherEmployee}]");
        await form.Locator("select[name=kind]").SelectOptionAsync("praise");
        await form.Locator("button[type=submit]").ClickAsync();

        // The API refuses the empty text (a cookie-signed change, so the anti-forgery header went with it).
        await Expect(form.Locator("[data-error-for=text]")).ToContainTextAsync("Required");
        await form.Locator("textarea[name=text]").FillAsync("本月放款做得很好");
        await form.Locator("select[name=indicatorId]").SelectOptionAsync("loan-volume");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);
        await Expect(row.Locator(".sent")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_switch_changes_the_strings_and_is_remembered()
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "mgr");
        var nav = page.Locator("header nav");
        await Expect(nav).ToContainTextAsync("部门");
        await Expect(page.Locator("[data-testid=team-table] thead")).ToContainTextAsync("综合分");

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(nav).ToContainTextAsync("Department");
        await Expect(nav).Not.ToContainTextAsync("部门");
        await Expect(page.Locator("[data-testid=team-table] thead")).ToContainTextAsync("Composite");
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));

        await page.ReloadAsync();
        await Expect(page.Locator("header nav")).ToContainTextAsync("Department");
        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("header nav")).ToContainTextAsync("部门");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_phone_width_the_page_does_not_overflow_and_the_team_is_visible()
    {
        var page = await site.NewPageAsync(width: 375, height: 812);
        await DashboardSite.SignInAsync(page, "mgr");
        var table = page.Locator("[data-testid=team-table]");
        await Expect(table.Locator("tbody tr[data-employee-id]").First).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[2] && widths[1] <= widths[2], $"The page is wider than the screen: {string.Join(", ", widths)}");
        var main = await page.Locator("#page").BoundingBoxAsync();
        Assert.NotNull(main);
        Assert.True(main.X >= 0 && main.X + main.Width <= 375.5 && main.Width >= 300, $"The main content is not on the screen: {main.X}, {main.Width}");
        // The table scrolls inside its own box instead.
        var scrolls = await page.EvaluateAsync<bool>("() => { const box = document.querySelector('.table-scroll'); return box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === 'auto'; }");
        Assert.True(scrolls, "The wide table does not scroll in its own box.");
        await DashboardSite.ScreenshotAsync(page, "department-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HR_sees_the_company_with_a_card_per_department_and_the_distribution()
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "hr");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/company$"));
        await Expect(page.Locator(".department-card[data-department-id=biz]")).ToBeVisibleAsync();
        await Expect(page.Locator(".department-card[data-department-id=biz] h3")).ToHaveTextAsync("业务部");
        await Expect(page.Locator("[data-testid=histogram] canvas")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=trend] canvas")).ToBeVisibleAsync();
        await DashboardSite.ScreenshotAsync(page, "company");
        await DashboardSite.AssertNoCspViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}

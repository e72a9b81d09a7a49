using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pulse.Silo.Demo;
using static Microsoft.Playwright.Assertions;

namespace Pulse.Integration.Tests.Dashboard;

/// <summary>
/// The Templates page as HR uses it: a weight that breaks its section's sum turns the live sum red, Check puts the
/// server's reason at that weight field, fixing it clears the error, and the what-if preview scores a month under the
/// draft for every employee the template applies to.
/// </summary>
public sealed class TemplatesPageTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    private const string WeightPath = "template.sections[0].indicators[1].weight"; // 坏账率 in the business template: 20 of 100
    private const string SumPath = "template.sections[0].indicators";
    private static readonly Regex SumBad = new(@"\btp-sum-bad\b");

    [Fact]
    public async Task A_weight_that_breaks_its_section_sum_is_marked_at_its_field_until_it_is_fixed()
    {
        var page = await site.NewPageAsync();
        await page.Context.AddInitScriptAsync("localStorage.setItem('pulse.lang', 'en');");
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        await DashboardSite.SignInAsync(page, "hr");

        await page.GotoAsync("/#/templates");
        await page.Locator("[data-template=business] button.tp-edit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/templates/business$"));
        var weight = page.Locator($"[data-path=\"{WeightPath}\"]");
        await Expect(weight).ToHaveValueAsync("20");

        // 70 + 25 + 10: the live sum shows the wrong total before anything is sent.
        await weight.FillAsync("25");
        var sum = page.Locator($"[data-sum-for=\"{SumPath}\"]");
        await Expect(sum.Locator("output")).ToHaveTextAsync("105");
        await Expect(sum).ToHaveClassAsync(SumBad);

        await page.Locator("button.tp-check").ClickAsync();
        var fieldError = page.Locator($"[data-error-for=\"{WeightPath}\"]");
        await Expect(fieldError).ToBeVisibleAsync();
        await Expect(fieldError).ToContainTextAsync("sum to 105");
        await Expect(weight).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(await fieldError.GetAttributeAsync("id"), await weight.GetAttributeAsync("aria-describedby"));
        await ScreenshotAsync(page, weight, "templates-weight-error");

        // Back to 100: the sum turns right, the field's error goes, and the server agrees.
        await weight.FillAsync("20");
        await Expect(sum.Locator("output")).ToHaveTextAsync("100");
        await Expect(sum).Not.ToHaveClassAsync(SumBad);
        await Expect(fieldError).ToBeHiddenAsync();
        await page.Locator("button.tp-check").ClickAsync();
        await Expect(page.Locator(".tp-status")).ToHaveTextAsync("The server accepts this draft.");
        await Expect(fieldError).ToBeHiddenAsync();
        await Expect(weight).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // In Chinese (the page mounts afresh at the same address) the server's reason reads in Chinese at the field.
        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("button.tp-check")).ToHaveTextAsync("检查");
        await weight.FillAsync("25");
        await page.Locator("button.tp-check").ClickAsync();
        await Expect(fieldError).ToHaveTextAsync("指标权重合计为 105，必须等于 100。");

        // A phone's width: the form stacks instead of running off the side.
        await page.SetViewportSizeAsync(375, 812);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"The templates page is wider than the screen: {widths[0]} > {widths[1]}");
        await ScreenshotAsync(page, weight, "templates-phone");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_what_if_preview_scores_the_draft_for_every_employee_and_changes_nothing()
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "hr");
        await page.GotoAsync("/#/templates/business");
        var period = page.Locator("#tp-whatif-period");
        var now = DateTime.Now;
        await Expect(period).ToHaveValueAsync(new DateTime(now.Year, now.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture));

        // The site's loans are dated now, so this month has something to score; the draft halves the volume target.
        await period.FillAsync(now.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await page.Locator("[data-path=\"template.sections[0].indicators[0].target\"]").FillAsync("500000");
        await page.Locator("button.tp-preview").ClickAsync();
        var salespeople = site.Organisation.Employees!.Where(e => e.DepartmentId == DemoCompany.Business).ToArray();
        await Expect(page.Locator(".tp-whatif-table tbody tr")).ToHaveCountAsync(salespeople.Length);
        foreach (var employee in salespeople) await Expect(page.Locator($".tp-whatif-table tr[data-employee={employee.Id}]")).ToContainTextAsync(employee.Name);
        var draft = await page.Locator($"tr[data-employee={DashboardSite.OtherEmployee}] td[data-draft]").GetAttributeAsync("data-draft");
        Assert.True(decimal.TryParse(draft, CultureInfo.InvariantCulture, out var composite) && composite > 0m, $"The draft composite is '{draft}'.");
        await ScreenshotAsync(page, page.Locator(".tp-whatif-table"), "templates-what-if");

        // Nothing was published: the template is still at its first version.
        await page.Locator(".tp-editor-head button.link").ClickAsync();
        await Expect(page.Locator("[data-template=business] td").First).ToHaveTextAsync("1");
        await page.Context.CloseAsync();
    }

    /// <summary>What a person sees with <paramref name="subject"/> in view, kept with the other views' screenshots.</summary>
    private static async Task ScreenshotAsync(IPage page, ILocator subject, string name)
    {
        await subject.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        var path = Path.Combine(DashboardSite.Screenshots, name + ".png");
        var bytes = await page.ScreenshotAsync(new() { Path = path });
        TestContext.Current.AddAttachment(name, bytes, "image/png");
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Pulse.Silo.Demo;
using static Microsoft.Playwright.Assertions;

namespace Pulse.Integration.Tests;

/// <summary>
/// The dashboard's Templates page in the machine's Chromium against a real silo: HR breaks a section's weights, the
/// live sum turns red, Check puts the server's error at the weight field, fixing the weight clears it, and the what-if
/// preview scores last month's events under the draft.
/// </summary>
public sealed class TemplatesPageTests
{
    private const string TenantId = "templates";
    private const string Password = "integration-password-1";
    private const string WeightPath = "template.sections[0].indicators[1].weight"; // 坏账率 in the business template, 20 of 100
    private const string SumPath = "template.sections[0].indicators";

    [Fact]
    public async Task A_weight_that_breaks_its_section_sum_is_marked_at_its_field_and_the_preview_scores_last_month()
    {
        var cancel = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "pulse-templates-page", Guid.NewGuid().ToString("N"));
        await using var silo = await SiloProcess.StartAsync(directory, TenantSetup.Settings());
        var organisation = DemoCompany.Document(20);
        var (_, keyToken) = await TenantSetup.CreateAsync(silo, TenantId, organisation, Json(), cancel);
        var salespeople = organisation.Employees!.Where(e => e.DepartmentId == DemoCompany.Business).Select(e => e.Id).ToArray();
        await SendLastMonthsLoansAsync(silo, keyToken, salespeople, cancel);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
        await using var context = await browser.NewContextAsync(new() { BaseURL = silo.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        await context.AddInitScriptAsync("localStorage.setItem('pulse.lang', 'en');");
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);

        await page.GotoAsync("/");
        await page.FillAsync("#tenant", TenantId);
        await page.FillAsync("#user", "hr");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("form.sign-in button[type=submit]");
        await Expect(page.Locator("#sign-out")).ToBeVisibleAsync();

        await page.GotoAsync("/#/templates");
        await page.Locator("[data-template=business] button.tp-edit").ClickAsync();
        var weight = page.Locator($"[data-path=\"{WeightPath}\"]");
        await Expect(weight).ToHaveValueAsync("20");

        // 70 + 25 + 10: the live sum shows the wrong total before anything is sent.
        await weight.FillAsync("25");
        var sum = page.Locator($"[data-sum-for=\"{SumPath}\"]");
        await Expect(sum.Locator("output")).ToHaveTextAsync("105");
        await Expect(sum).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\btp-sum-bad\b"));

        await page.ClickAsync("button.tp-check");
        var fieldError = page.Locator($"[data-error-for=\"{WeightPath}\"]");
        await Expect(fieldError).ToBeVisibleAsync();
        await Expect(fieldError).ToContainTextAsync("sum to 105");
        await Expect(weight).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(await fieldError.GetAttributeAsync("id"), await weight.GetAttributeAsync("aria-describedby"));
        await SaveScreenshotAsync(page, "templates-weight-error.png");

        // Back to 100: the sum turns right, the field's error goes, and the server agrees.
        await weight.FillAsync("20");
        await Expect(sum.Locator("output")).ToHaveTextAsync("100");
        await Expect(sum).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\btp-sum-bad\b"));
        await Expect(fieldError).ToBeHiddenAsync();
        await page.ClickAsync("button.tp-check");
        await Expect(page.Locator(".tp-status")).ToHaveTextAsync("The server accepts this draft.");
        await Expect(fieldError).ToBeHiddenAsync();
        await Expect(weight).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // The preview: every salesperson, scored from last month's loans under a draft with half the volume target.
        await page.Locator("[data-path=\"template.sections[0].indicators[0].target\"]").FillAsync("500000");
        await page.ClickAsync("button.tp-preview");
        var rows = page.Locator(".tp-whatif-table tbody tr");
        await Expect(rows).ToHaveCountAsync(salespeople.Length);
        var draft = await page.Locator("[data-employee=B001] td[data-draft]").GetAttributeAsync("data-draft");
        Assert.True(decimal.TryParse(draft, System.Globalization.CultureInfo.InvariantCulture, out var composite) && composite > 0m, $"B001's draft composite is '{draft}'");
        await SaveScreenshotAsync(page, "templates-what-if.png");

        // In Chinese (the page mounts afresh at the same address) the server's reason reads in Chinese at the field.
        await page.ClickAsync("#lang-switch");
        await Expect(page.Locator("button.tp-check")).ToHaveTextAsync("检查");
        await weight.FillAsync("25");
        await page.ClickAsync("button.tp-check");
        await Expect(fieldError).ToHaveTextAsync("指标权重合计为 105，必须等于 100。");

        // A phone's width: the form stacks instead of running off the side.
        await page.SetViewportSizeAsync(375, 800);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375, "The templates page is wider than a 375 px screen.");
        await SaveScreenshotAsync(page, "templates-375px.png");
        Assert.Empty(errors);
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Loans on the 15th of last month for each salesperson, so the preview has a month to score.</summary>
    private static async Task SendLastMonthsLoansAsync(SiloProcess silo, string keyToken, string[] employees, CancellationToken cancel)
    {
        var now = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(now.Year, now.Month, 15, 4, 0, 0, TimeSpan.Zero).AddMonths(-1).ToString("O");
        var events = employees.Select((id, i) => new { id = $"tp-{i}", type = "loan.disbursed", employeeId = id, occurredAt = at, data = new { amount = 100_000m * (i + 1) } }).ToArray();
        using var http = silo.WithKey(keyToken);
        using var response = await http.PostAsJsonAsync("/api/v1/events", events, cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancel));
    }

    /// <summary>Kept beside the test output (and attached to the test result) for a person to look at.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var bytes = await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
        TestContext.Current.AddAttachment(name, bytes, "image/png");
    }

    private static JsonSerializerOptions Json()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Pulse.Silo.Hosting.ApiSetup.Configure(options);
        return options;
    }
}

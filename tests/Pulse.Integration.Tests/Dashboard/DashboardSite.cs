using System.Net.Http.Json;
using Microsoft.Playwright;
using Pulse.Silo.Demo;

namespace Pulse.Integration.Tests.Dashboard;

/// <summary>
/// One real silo with a small company (manager <c>mgr</c> of 业务部, employee <c>emp</c>, <c>hr</c>) and the machine's
/// Chromium driven by Playwright, shared by the dashboard's browser tests.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    public const string TenantId = "browser";
    public const string ManagerEmployee = "B001";
    public const string OwnEmployee = "B003";
    public const string OtherEmployee = "B002";
    private const string Chromium = "/usr/bin/chromium";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pulse-dashboard", Guid.NewGuid().ToString("N"));
    private SiloProcess? _silo;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _keyToken;
    private string? _hrToken;

    public SiloProcess Silo => _silo ?? throw new InvalidOperationException("Not started.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");
    public Pulse.Organisation.OrganisationDocument Organisation { get; } = DemoCompany.Document(10);

    /// <summary>HR's bearer token, for reading through the API what the pages should show.</summary>
    public string HrToken => _hrToken ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where the main views' screenshots go: TestResults/screenshots under the test output folder.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install chromium");
        _silo = await SiloProcess.StartAsync(_directory, TenantSetup.Settings(new() { ["Pulse:SignInsPerMinute"] = "1000" }));
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Pulse.Silo.Hosting.ApiSetup.Configure(json);
        (_hrToken, _keyToken) = await TenantSetup.CreateAsync(_silo, TenantId, Organisation, json, cancel);
        await TenantSetup.CreateUserAsync(_silo, TenantId, "mgr", ["manager", "employee"], ManagerEmployee, cancel);
        await TenantSetup.CreateUserAsync(_silo, TenantId, "emp", ["employee"], OwnEmployee, cancel);
        // A first event for every salesperson, so each has a scorecard to show.
        foreach (var employee in Organisation.Employees!.Where(e => e.DepartmentId == DemoCompany.Business)) await PostLoanAsync(employee.Id, 100_000m, cancel);

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        Directory.CreateDirectory(Screenshots);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_silo is not null) await _silo.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Posts one loan.disbursed event for the employee, dated now, through the API with an integration key; returns when it is committed.</summary>
    public Task PostLoanAsync(string employeeId, decimal amount, CancellationToken cancel) =>
        PostEventAsync("loan.disbursed", employeeId, new { amount, product = "经营贷" }, cancel);

    /// <summary>Posts one event of <paramref name="type"/> for the employee, dated now, through the API with an integration key; returns when it is committed.</summary>
    public async Task PostEventAsync(string type, string employeeId, object data, CancellationToken cancel)
    {
        using var http = Silo.WithKey(_keyToken!);
        var item = new
        {
            id = $"browser-{Guid.NewGuid():N}",
            type,
            employeeId,
            occurredAt = DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            data,
            source = "browser-test",
        };
        using var response = await http.PostAsJsonAsync("/api/v1/events", new[] { item }, cancel);
        var body = await response.Content.ReadAsStringAsync(cancel);
        Assert.True(response.IsSuccessStatusCode && body.Contains("accepted", StringComparison.Ordinal), $"The event was not accepted: {(int)response.StatusCode} {body}");
    }

    /// <summary>
    /// A fresh browser context (own cookies and storage) with the given viewport. Its pages record what the content
    /// security policy refused (the browser's <c>securitypolicyviolation</c> events) in <c>window.cspViolations</c>.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = Silo.Address.ToString() });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync("""
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
              window.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
            """);
        return await context.NewPageAsync();
    }

    /// <summary>Nothing was refused by the content security policy on this page.</summary>
    public static async Task AssertNoCspViolationsAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.cspViolations");
        Assert.True(violations.Length == 0, "The content security policy refused: " + string.Join("; ", violations));
    }

    /// <summary>Signs in through the sign-in form as a person would, and waits for the signed-in header.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/");
        await page.Locator("#tenant").FillAsync(TenantId);
        await page.Locator("#user").FillAsync(userName);
        await page.Locator("#password").FillAsync(TenantSetup.Password);
        await page.Locator("form.sign-in button[type=submit]").ClickAsync();
        await page.Locator("header.topbar").WaitForAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
}

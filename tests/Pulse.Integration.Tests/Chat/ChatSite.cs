using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Pulse.Integration.Tests.Dashboard;

namespace Pulse.Integration.Tests.Chat;

/// <summary>
/// The dashboard's browser site (a real silo, its small company, the machine's Chromium) with the employee account
/// <c>b002</c> (employee B002 of 业务部), for the chat's browser tests.
/// </summary>
public sealed class ChatSite : IAsyncLifetime
{
    public const string Employee = DashboardSite.OtherEmployee;
    public const string UserName = "b002";

    /// <summary>How long the first chat may take to show: the Web Chat bundle (3.9 MB) is fetched and parsed on first use.</summary>
    public static readonly LocatorAssertionsToBeVisibleOptions FirstShow = new() { Timeout = 30_000 };

    public DashboardSite Site { get; } = new();

    public async ValueTask InitializeAsync()
    {
        await Site.InitializeAsync();
        await TenantSetup.CreateUserAsync(Site.Silo, DashboardSite.TenantId, UserName, ["employee"], Employee, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();

    /// <summary>What <c>GET /api/v1/employees/B002/performance</c> answers b002 (signed in through the API).</summary>
    public async Task<JsonNode> PerformanceAsync(CancellationToken cancel)
    {
        using var anonymous = new HttpClient { BaseAddress = Site.Silo.Address };
        using var http = Site.Silo.WithBearer(await TenantSetup.SignInAsync(anonymous, DashboardSite.TenantId, UserName, cancel));
        return JsonNode.Parse(await http.GetStringAsync($"/api/v1/employees/{Employee}/performance", cancel))!;
    }

    /// <summary>A fresh page of the dashboard's site (it records what the content security policy refused) and every request it makes.</summary>
    public async Task<(IPage Page, List<string> Requests)> NewPageAsync(int width = 1280, int height = 900)
    {
        var page = await Site.NewPageAsync(width, height);
        var requests = new List<string>();
        page.Request += (_, request) => { lock (requests) requests.Add($"{request.Method} {new Uri(request.Url).AbsolutePath}"); };
        // The browser's errors go to the test's output, for a failure's story.
        var output = TestContext.Current.TestOutputHelper;
        page.Console += (_, message) => { if (message.Type is "error" or "warning") output?.WriteLine($"console {message.Type}: {message.Text}"); };
        page.PageError += (_, error) => output?.WriteLine($"page error: {error}");
        page.Response += (_, response) => { if (response.Status >= 400) output?.WriteLine($"{response.Status} {response.Request.Method} {new Uri(response.Url).AbsolutePath}"); };
        return (page, requests);
    }

    /// <summary>A number as the bot writes it: two decimals at most, thousands separated.</summary>
    public static string BotNumber(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", CultureInfo.InvariantCulture);
}

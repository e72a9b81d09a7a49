using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pulse.Integration.Tests.Dashboard;
using Pulse.Silo.Demo;

namespace Pulse.Integration.Tests.Review;

/// <summary>
/// What the review settings tests do and read through the public API beside the browser: the policy, the trend an import
/// feeds, and a past month taken through rating and approval so that an employee can object to a published result.
/// </summary>
public sealed class ReviewSiteApi(DashboardSite site)
{
    /// <summary>The hq manager made for approving a month: the department managers' own ratings need someone above them.</summary>
    public const string HeadEmployee = "H001";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public HttpClient Hr() => site.Silo.WithBearer(site.HrToken);

    public async Task<HttpClient> AsAsync(string userName)
    {
        using var http = new HttpClient { BaseAddress = site.Silo.Address };
        return site.Silo.WithBearer(await TenantSetup.SignInAsync(http, DashboardSite.TenantId, userName, Cancel));
    }

    public static async Task<JsonNode> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, Cancel);
        return response.StatusCode;
    }

    public async Task<JsonNode> PolicyAsync()
    {
        using var hr = Hr();
        return await GetAsync(hr, "/api/v1/review-policy");
    }

    /// <summary>How many people the business department's trend counts in a month (imported results included).</summary>
    public async Task<int> BusinessMembersAsync(string month)
    {
        using var hr = Hr();
        var trend = await GetAsync(hr, $"/api/v1/reports/departments/{DemoCompany.Business}/trend?from={month}&to={month}");
        // A month without results is left out of the trend.
        return trend["months"]!.AsArray().SingleOrDefault(m => m!["period"]!.GetValue<string>() == month)?["members"]!.GetValue<int>() ?? 0;
    }

    /// <summary>
    /// Opens a past month late (it freezes in the same call), has every participant rated by a manager above them (an hq
    /// manager for the department managers), and approves it: the results are published. Returns the cycle.
    /// </summary>
    public async Task<JsonNode> ApprovedMonthAsync(string period)
    {
        using var hr = Hr();
        var opened = await SendAsync(hr, HttpMethod.Post, $"/api/v1/cycles/{period}/open", null);
        Assert.Equal("calibrating", opened["status"]!.GetValue<string>());
        await AddHeadAsync();
        var raters = new Dictionary<char, HttpClient>
        {
            ['H'] = await RaterAsync("head", HeadEmployee),
            ['B'] = await RaterAsync("rater-b", "B001"),
            ['O'] = await RaterAsync("rater-o", "O001"),
            ['T'] = await RaterAsync("rater-t", "T001"),
        };
        try
        {
            foreach (var employee in site.Organisation.Employees!.Where(e => e.Active && e.DepartmentId != "hq"))
            {
                var review = await GetAsync(hr, $"/api/v1/cycles/{period}/employees/{employee.Id}");
                var indicators = review["ratedIndicators"]!.AsArray().Select(i => i!.GetValue<string>()).ToArray();
                if (indicators.Length == 0) continue;
                var rater = raters[employee.Id is "B001" or "O001" or "T001" ? 'H' : employee.Id[0]];
                await SendAsync(rater, HttpMethod.Put, $"/api/v1/cycles/{period}/employees/{employee.Id}/ratings",
                    indicators.Select(id => new { indicatorId = id, rating = 4, comment = "按时完成, 沟通顺畅。" }).ToArray());
            }
        }
        finally
        {
            foreach (var rater in raters.Values) rater.Dispose();
        }
        return await SendAsync(hr, HttpMethod.Post, $"/api/v1/cycles/{period}/approve", null);
    }

    /// <summary>The month <paramref name="months"/> before the tenant's open month (the demo company is in Asia/Shanghai).</summary>
    public static string MonthsAgo(int months) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).AddMonths(-months).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task AddHeadAsync()
    {
        using var hr = Hr();
        await SendAsync(hr, HttpMethod.Put, $"/api/v1/employees/{HeadEmployee}", new { id = HeadEmployee, name = "总经理", departmentId = "hq", title = "总经理" });
        var hq = await GetAsync(hr, "/api/v1/departments/hq");
        hq["managerIds"] = new JsonArray(HeadEmployee);
        await SendAsync(hr, HttpMethod.Put, "/api/v1/departments/hq", hq);
    }

    private async Task<HttpClient> RaterAsync(string userName, string employeeId)
    {
        await TenantSetup.CreateUserAsync(site.Silo, DashboardSite.TenantId, userName, ["manager", "employee"], employeeId, Cancel);
        return await AsAsync(userName);
    }
}

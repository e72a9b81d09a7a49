using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pulse.Organisation;

namespace Pulse.Integration.Tests;

/// <summary>Creates a tenant on a running silo the way an operator and its admin would, and hands back their credentials.</summary>
public static class TenantSetup
{
    public const string OperatorKey = "integration-operator-key-7f3a";
    /// <summary>Every account this class creates has this password.</summary>
    public const string Password = "integration-password-1";

    public static Dictionary<string, string> Settings(Dictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string> { ["Pulse:OperatorKey"] = OperatorKey, ["Pulse:RequestsPerSecond"] = "100000" };
        foreach (var (key, value) in more ?? []) settings[key] = value;
        return settings;
    }

    /// <summary>Returns HR's bearer token and an events:write API key token.</summary>
    public static async Task<(string HrToken, string KeyToken)> CreateAsync(SiloProcess silo, string tenantId, OrganisationDocument organisation, JsonSerializerOptions json, CancellationToken cancel)
    {
        using var http = new HttpClient { BaseAddress = silo.Address };
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tenants"))
        {
            request.Headers.Add("X-Operator-Key", OperatorKey);
            request.Content = JsonContent.Create(new { tenantId, name = "Integration", admin = new { userName = "admin", password = Password, roles = new[] { "admin" } } });
            (await http.SendAsync(request, cancel)).EnsureSuccessStatusCode();
        }
        var admin = await SignInAsync(http, tenantId, "admin", cancel);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        (await http.PostAsJsonAsync("/api/v1/users", new { userName = "hr", password = Password, roles = new[] { "hr" } }, cancel)).EnsureSuccessStatusCode();
        var key = JsonNode.Parse(await (await http.PostAsJsonAsync("/api/v1/api-keys", new { name = "loan-system", scopes = new[] { "events:write" } }, cancel)).Content.ReadAsStringAsync(cancel))!;
        var hr = await SignInAsync(http, tenantId, "hr", cancel);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hr);
        (await http.PutAsJsonAsync("/api/v1/organisation", organisation, json, cancel)).EnsureSuccessStatusCode();
        return (hr, key["token"]!.GetValue<string>());
    }

    /// <summary>Creates a user as the tenant's admin (roles as the API names them: employee, manager, hr, admin).</summary>
    public static async Task CreateUserAsync(SiloProcess silo, string tenantId, string userName, string[] roles, string? employeeId, CancellationToken cancel)
    {
        using var http = new HttpClient { BaseAddress = silo.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(http, tenantId, "admin", cancel));
        (await http.PostAsJsonAsync("/api/v1/users", new { userName, password = Password, roles, employeeId }, cancel)).EnsureSuccessStatusCode();
    }

    /// <summary>Signs in through the API and returns the access token.</summary>
    public static async Task<string> SignInAsync(HttpClient http, string tenantId, string userName, CancellationToken cancel)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId, userName, password = Password }, cancel);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel))!["accessToken"]!.GetValue<string>();
    }
}

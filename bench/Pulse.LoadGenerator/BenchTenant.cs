using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pulse.Organisation;
using Pulse.Silo.Hosting;

namespace Pulse.LoadGenerator;

/// <summary>
/// Sets a benchmark tenant up the way its people would: the operator creates it with an admin, the admin adds HR and an
/// events:write key, HR imports the organisation. Load then posts with the key, as a business system does.
/// </summary>
public static class BenchTenant
{
    /// <summary>The API's JSON conventions (camelCase, enums as camelCase strings).</summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>Creates the tenant and returns its events:write key and the password its admin and HR share.</summary>
    /// <summary>The HTTP client a bench posts with: one connection per sending client and one to spare, kept for the whole run.</summary>
    public static HttpClient NewClient(Uri url, int clients) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public static async Task<(string ApiKey, string Password)> CreateAsync(HttpClient http, string tenantId, string operatorKey, OrganisationDocument organisation, CancellationToken cancellationToken)
    {
        var password = "bench-" + Guid.NewGuid().ToString("N");
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tenants"))
        {
            request.Headers.Add("X-Operator-Key", operatorKey);
            request.Content = JsonContent.Create(new { tenantId, name = "Benchmark " + tenantId, admin = new { userName = "admin", password, roles = new[] { "admin" } } }, options: Json);
            using var created = await http.SendAsync(request, cancellationToken);
            await EnsureAsync(created, "create the tenant", cancellationToken);
        }

        using var setup = new HttpClient { BaseAddress = http.BaseAddress };
        await SignInAsync(setup, tenantId, "admin", password, cancellationToken);
        await CreateUserAsync(setup, "hr", password, ["hr"], null, cancellationToken);
        string apiKey;
        using (var key = await setup.PostAsJsonAsync("/api/v1/api-keys", new { name = "bench", scopes = new[] { "events:write" } }, Json, cancellationToken))
        {
            await EnsureAsync(key, "create an API key", cancellationToken);
            apiKey = JsonNode.Parse(await key.Content.ReadAsStringAsync(cancellationToken))!["token"]!.GetValue<string>();
        }
        await SignInAsync(setup, tenantId, "hr", password, cancellationToken);
        using var put = await setup.PutAsJsonAsync("/api/v1/organisation", organisation, Json, cancellationToken);
        await EnsureAsync(put, "put the organisation", cancellationToken);
        return (apiKey, password);
    }

    /// <summary>Creates a user; <paramref name="http"/> must carry an admin's bearer token.</summary>
    public static async Task CreateUserAsync(HttpClient http, string userName, string password, string[] roles, string? employeeId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/users", new { userName, password, roles, employeeId }, Json, cancellationToken);
        await EnsureAsync(response, $"create user {userName}", cancellationToken);
    }

    /// <summary>Signs in and makes <paramref name="http"/> carry the bearer token; returns the token.</summary>
    public static async Task<string> SignInAsync(HttpClient http, string tenantId, string userName, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId, userName, password }, cancellationToken);
        await EnsureAsync(response, $"sign in as {userName}", cancellationToken);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return token;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {body}");
    }

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiSetup.Configure(json);
        return json;
    }
}

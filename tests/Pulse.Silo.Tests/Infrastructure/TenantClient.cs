using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Tests.Infrastructure;

/// <summary>
/// One fresh tenant and the people in it, each with a real credential: <see cref="Admin"/> (admin), <see cref="Http"/>
/// (HR), <see cref="Ingest"/> (an API key with events:write) and any user a test adds.
/// </summary>
public sealed class TenantClient
{
    public const string Password = "correct-horse-battery";

    public static readonly JsonSerializerOptions Json = CreateJson();

    private readonly PulseApp _app;

    private TenantClient(PulseApp app, string tenantId, HttpClient admin, HttpClient hr, HttpClient ingest, string ingestToken)
    {
        _app = app;
        TenantId = tenantId;
        Admin = admin;
        Http = hr;
        Ingest = ingest;
        IngestToken = ingestToken;
    }

    public string TenantId { get; }

    public HttpClient Admin { get; }

    public HttpClient Http { get; }

    public HttpClient Ingest { get; }

    public string IngestToken { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<TenantClient> CreateAsync(PulseApp app, OrganisationDocument? organisation = null, string? tenantId = null)
    {
        tenantId ??= "t" + Guid.NewGuid().ToString("N")[..12];
        var operatorClient = app.CreateClient();
        operatorClient.DefaultRequestHeaders.Add("X-Operator-Key", PulseApp.OperatorKey);
        var created = await operatorClient.PostAsJsonAsync("/api/v1/tenants",
            new { tenantId, name = "Test Co", admin = new NewUser("admin", Password, [Role.Admin]) }, Json, Cancel);
        await Expect.StatusAsync(created, 201);

        var admin = await SignInAsync(app, tenantId, "admin", Password);
        await Expect.StatusAsync(await admin.PostAsJsonAsync("/api/v1/users", new NewUser("hr", Password, [Role.Hr]), Json, Cancel), 201);
        var hr = await SignInAsync(app, tenantId, "hr", Password);
        var key = await Expect.StatusAsync(await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "tests", scopes = new[] { ApiKeyScopes.EventsWrite } }, Json, Cancel), 201);
        var token = key["token"]!.GetValue<string>();
        var ingest = app.CreateClient();
        ingest.DefaultRequestHeaders.Add("X-Api-Key", token);

        var client = new TenantClient(app, tenantId, admin, hr, ingest, token);
        if (organisation is not null)
        {
            await Expect.StatusAsync(await hr.PutAsJsonAsync("/api/v1/organisation", organisation, Json, Cancel), 200);
        }
        return client;
    }

    /// <summary>Signs in and returns a client carrying the bearer token.</summary>
    public static async Task<HttpClient> SignInAsync(PulseApp app, string tenantId, string userName, string password)
    {
        var http = app.CreateClient();
        var response = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId, userName, password }, Json, Cancel);
        var body = await Expect.StatusAsync(response, 200);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());
        return http;
    }

    /// <summary>Adds a user with the given roles and returns a signed-in client for them.</summary>
    public async Task<HttpClient> UserAsync(string userName, Role[] roles, string? employeeId = null)
    {
        await Expect.StatusAsync(await Admin.PostAsJsonAsync("/api/v1/users", new NewUser(userName, Password, roles, employeeId), Json, Cancel), 201);
        return await SignInAsync(_app, TenantId, userName, Password);
    }

    /// <summary>A client presenting the given API key token.</summary>
    public HttpClient WithKey(string token)
    {
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", token);
        return http;
    }

    /// <summary>The same people against another app on the same data: a restart. Their tokens must still hold.</summary>
    public TenantClient On(PulseApp app) => new(app, TenantId, Reuse(app, Admin), Reuse(app, Http), Reuse(app, Ingest), IngestToken);

    public Task<HttpResponseMessage> PostEventsAsync(IEnumerable<object> events) =>
        Ingest.PostAsJsonAsync("/api/v1/events", events, Json, Cancel);

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path, Cancel);
        return await Expect.StatusAsync(response, 200);
    }

    private static HttpClient Reuse(PulseApp app, HttpClient from)
    {
        var http = app.CreateClient();
        foreach (var header in from.DefaultRequestHeaders) http.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
        return http;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiSetup.Configure(options);
        return options;
    }
}

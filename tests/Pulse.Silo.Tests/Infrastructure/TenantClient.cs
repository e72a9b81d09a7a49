using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pulse.Organisation;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Tests.Infrastructure;

/// <summary>An HTTP client bound to one fresh tenant, with the small helpers the tests share.</summary>
public sealed class TenantClient(HttpClient http, string tenantId)
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public HttpClient Http { get; } = http;

    public string TenantId { get; } = tenantId;

    public static async Task<TenantClient> CreateAsync(PulseApp app, OrganisationDocument? organisation = null, string? tenantId = null)
    {
        tenantId ??= "t" + Guid.NewGuid().ToString("N")[..12];
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Pulse-Tenant", tenantId);
        var created = await http.PostAsJsonAsync("/api/v1/tenants", new TenantSettings(tenantId, "Test Co"), Json, TestContext.Current.CancellationToken);
        created.EnsureSuccessStatusCode();
        var client = new TenantClient(http, tenantId);
        if (organisation is not null)
        {
            var imported = await http.PutAsJsonAsync("/api/v1/organisation", organisation, Json, TestContext.Current.CancellationToken);
            await Expect.StatusAsync(imported, 200);
        }
        return client;
    }

    public Task<HttpResponseMessage> PostEventsAsync(IEnumerable<object> events) =>
        Http.PostAsJsonAsync("/api/v1/events", events, Json, TestContext.Current.CancellationToken);

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path, TestContext.Current.CancellationToken);
        await Expect.StatusAsync(response, 200);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiSetup.Configure(options);
        return options;
    }
}

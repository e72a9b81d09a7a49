using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Pulse.Silo.Demo;

namespace Pulse.Integration.Tests;

/// <summary>Request size limits and rate limits, on a real Kestrel server (the in-memory test server enforces neither).</summary>
public sealed class AbuseLimitTests
{
    [Fact]
    public async Task Oversized_bodies_and_floods_get_problem_answers()
    {
        var cancel = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "pulse-limits", Guid.NewGuid().ToString("N"));
        await using var silo = await SiloProcess.StartAsync(directory, TenantSetup.Settings(new Dictionary<string, string> { ["Pulse:RequestsPerSecond"] = "5" }));
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Pulse.Silo.Hosting.ApiSetup.Configure(json);
        var (hrToken, keyToken) = await TenantSetup.CreateAsync(silo, "limits", DemoCompany.Document(10), json, cancel);
        using var hr = silo.WithBearer(hrToken);
        using var ingest = silo.WithKey(keyToken);

        // 2 MB is over the general 1 MB limit …
        var padding = new string('x', 2 * 1024 * 1024);
        using var big = await hr.PutAsync("/api/v1/departments/big", new StringContent($$"""{"id":"big","name":"{{padding}}"}""", Encoding.UTF8, "application/json"), cancel);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("application/problem+json", big.Content.Headers.ContentType?.MediaType);

        // … but within the ingestion endpoint's: refused for its event count, not its size.
        var product = new string('p', 120);
        var events = string.Join(',', Enumerable.Range(0, 9_000).Select(i =>
            "{\"id\":\"e" + i + "\",\"type\":\"loan.disbursed\",\"employeeId\":\"B001\",\"occurredAt\":\"2026-11-03T09:30:00+08:00\",\"data\":{\"amount\":" + i + ",\"product\":\"" + product + "\"}}"));
        using var many = await ingest.PostAsync("/api/v1/events", new StringContent($"[{events}]", Encoding.UTF8, "application/json"), cancel);
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("at most 5000", await many.Content.ReadAsStringAsync(cancel));

        // A flood from one user runs out of tokens: 429 with Retry-After, as a problem.
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 50 && refused is null; i++)
        {
            var response = await hr.GetAsync("/api/v1/overview", cancel);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }
        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter is not null, "429 without Retry-After");
        Assert.Equal(429, JsonNode.Parse(await refused.Content.ReadAsStringAsync(cancel))!["status"]!.GetValue<int>());
        refused.Dispose();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

using System.Globalization;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Demo;
using Pulse.Silo.Hosting;

namespace Pulse.LoadGenerator;

/// <summary>Posts pre-serialised event batches to a running silo and measures what it acknowledges.</summary>
public static class HttpLoad
{
    // Sizes the body pool when neither --events nor --rate bounds the run; a run that drains the pool ends early.
    private const double AssumedMaxEventsPerSecond = 100_000;
    // About 1.6 GiB of bodies: enough for a 60 s run at 100,000 events/s (4 million drained a 60 s SQLite run early).
    private const long MaxPoolEvents = 10_000_000;

    public static async Task<LoadReport> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Clients + 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(60),
        };

        var organisation = DemoCompany.Document(options.Employees);
        await CreateTenantAsync(http, options, organisation, cancellationToken);

        var poolEvents = options.Events ?? (long)Math.Ceiling(((options.Rate ?? AssumedMaxEventsPerSecond) * 1.1 * (options.Seconds + options.Warmup)) + (options.Clients * options.Batch));
        poolEvents = Math.Min(poolEvents, MaxPoolEvents);
        var bodyCount = (int)Math.Max(1, (poolEvents + options.Batch - 1) / options.Batch);
        var build = Stopwatch.StartNew();
        var bodies = EventBodies.Build(organisation.Employees!, bodyCount, options.Batch, "e" + Guid.NewGuid().ToString("N")[..10]);
        Console.Error.WriteLine($"prepared {bodyCount} bodies of {options.Batch} events ({bodies.Sum(b => (long)b.Length) / (1024 * 1024)} MiB) in {build.Elapsed.TotalSeconds:F1} s; tenant '{options.Tenant}' with {options.Employees} employees");

        var clientGc = ClientGc.Start();
        var clock = new RunClock(options.Warmup, options.Seconds, options.Rate, options.Batch);
        var next = -1L;
        var drained = false;
        var errors = new ErrorTally();
        var recorders = Enumerable.Range(0, options.Clients).Select(_ => new LatencyRecorder()).ToArray();
        var timeline = new System.Collections.Concurrent.ConcurrentQueue<(double Start, double Milliseconds)>();
        var workers = recorders.Select(recorder => Task.Run(async () =>
        {
            while (!clock.Expired)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= bodies.Length)
                {
                    drained = true;
                    break;
                }

                await clock.PaceAsync(index, cancellationToken);
                if (clock.Expired) break;
                var started = clock.Now;
                var accepted = await PostAsync(http, bodies[index], options.Batch, errors, cancellationToken);
                var finished = clock.Now;
                if (!clock.InWindow(started)) continue;
                clock.Completed(finished);
                if (accepted) recorder.Record(finished - started, options.Batch);
                if (options.Timeline is not null) timeline.Enqueue(((started - clock.MeasureFrom).TotalSeconds, (finished - started).TotalMilliseconds));
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        if (options.Timeline is not null)
        {
            await File.WriteAllLinesAsync(options.Timeline,
                timeline.OrderBy(t => t.Start).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Start:F3} {t.Milliseconds:F1}")), cancellationToken);
        }

        return new LoadReport("http", options.Clients, options.Batch, options.Rate, clock.MeasuredSeconds,
            recorders.Sum(r => r.Events), recorders.Sum(r => r.Operations), LatencyRecorder.Merge(recorders),
            errors.Total, errors.Snapshot(), clientGc.Stop(),
            drained && options.Events is null ? "ran out of prepared bodies before --seconds elapsed" : null, options.Json);
    }

    /// <summary>
    /// Sets the tenant up the way its people would: the operator creates it with an admin, the admin adds HR and an
    /// events:write key, HR imports the organisation. The load then posts with the key, as a business system does.
    /// </summary>
    private static async Task CreateTenantAsync(HttpClient http, LoadOptions options, Pulse.Organisation.OrganisationDocument organisation, CancellationToken cancellationToken)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiSetup.Configure(json);
        var password = "bench-" + Guid.NewGuid().ToString("N");
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tenants"))
        {
            request.Headers.Add("X-Operator-Key", options.OperatorKey);
            request.Content = JsonContent.Create(new { tenantId = options.Tenant, name = "Benchmark " + options.Tenant, admin = new { userName = "admin", password, roles = new[] { "admin" } } }, options: json);
            using var created = await http.SendAsync(request, cancellationToken);
            await EnsureAsync(created, "create the tenant", cancellationToken);
        }

        using var setup = new HttpClient { BaseAddress = http.BaseAddress };
        await SignInAsync(setup, options.Tenant, "admin", password, cancellationToken);
        using (var hr = await setup.PostAsJsonAsync("/api/v1/users", new { userName = "hr", password, roles = new[] { "hr" } }, json, cancellationToken)) await EnsureAsync(hr, "create HR", cancellationToken);
        using (var key = await setup.PostAsJsonAsync("/api/v1/api-keys", new { name = "bench", scopes = new[] { "events:write" } }, json, cancellationToken))
        {
            await EnsureAsync(key, "create an API key", cancellationToken);
            var token = System.Text.Json.Nodes.JsonNode.Parse(await key.Content.ReadAsStringAsync(cancellationToken))!["token"]!.GetValue<string>();
            http.DefaultRequestHeaders.Add("X-Api-Key", token);
        }
        await SignInAsync(setup, options.Tenant, "hr", password, cancellationToken);
        using var put = await setup.PutAsJsonAsync("/api/v1/organisation", organisation, json, cancellationToken);
        await EnsureAsync(put, "put the organisation", cancellationToken);
    }

    private static async Task SignInAsync(HttpClient http, string tenantId, string userName, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId, userName, password }, cancellationToken);
        await EnsureAsync(response, $"sign in as {userName}", cancellationToken);
        var token = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {body}");
    }

    /// <summary>True when the silo answered 200 and accepted every item.</summary>
    private static async Task<bool> PostAsync(HttpClient http, byte[] body, int batch, ErrorTally errors, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/api/v1/events", content, cancellationToken);
            var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors.Add($"HTTP {(int)response.StatusCode}");
                return false;
            }

            var accepted = ReadAccepted(answer);
            if (accepted != batch)
            {
                errors.Add("not all accepted");
                return false;
            }
            return true;
        }
        catch (HttpRequestException ex)
        {
            errors.Add(ex.HttpRequestError.ToString());
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            errors.Add("timeout");
            return false;
        }
    }

    /// <summary>The top-level <c>accepted</c> count of an ingestion answer, without materialising the item list.</summary>
    private static int ReadAccepted(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("accepted"u8))
            {
                reader.Read();
                return reader.GetInt32();
            }
            if (reader.TokenType is JsonTokenType.StartArray && reader.CurrentDepth >= 1) reader.Skip();
        }
        return -1;
    }
}

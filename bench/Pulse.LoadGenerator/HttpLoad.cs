using System.Globalization;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Pulse.Silo.Demo;

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
        using var http = BenchTenant.NewClient(options.Url!, options.Clients);

        var organisation = DemoCompany.Document(options.Employees);
        var (apiKey, _) = await BenchTenant.CreateAsync(http, options.Tenant, options.OperatorKey!, organisation, cancellationToken);
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);

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

    /// <summary>True when the silo answered 200 and accepted every item.</summary>
    public static async Task<bool> PostAsync(HttpClient http, byte[] body, int batch, ErrorTally errors, CancellationToken cancellationToken)
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
    public static int ReadAccepted(ReadOnlySpan<byte> json)
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

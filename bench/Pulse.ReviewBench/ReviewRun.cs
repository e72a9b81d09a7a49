using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pulse.LoadGenerator;
using Pulse.Organisation;
using Pulse.Reviews;
using Pulse.Scoring;

namespace Pulse.ReviewBench;

/// <summary>
/// One review bench run, all through the public API as its people would: the operator creates a seed-company tenant,
/// HR sets the policy and imports the history, business systems post the month's events; HR opens the month (past its
/// grace window, so it freezes in the same call), managers rate, HR calibrates, approves and downloads the pay; then
/// the department trend over the history is requested by several clients at once.
/// </summary>
public static class ReviewRun
{
    private const int SetupConcurrency = 8;
    private const int EventBatch = 500;
    private static readonly TimeZoneInfo Shanghai = Period.Zone("Asia/Shanghai");

    public static async Task<ReviewReport> RunAsync(ReviewBenchOptions options, CancellationToken cancellationToken)
    {
        using var http = BenchTenant.NewClient(options.Url!, Math.Max(options.Clients, SetupConcurrency));
        var organisation = BenchCompany.Document(options.Employees);
        var (apiKey, password) = await BenchTenant.CreateAsync(http, options.Tenant, options.OperatorKey!, organisation, cancellationToken);
        var reviewed = organisation.Employees!.Where(e => e.Id != BenchCompany.GeneralManager).ToArray();
        using var hr = BenchTenant.NewClient(options.Url!, Math.Max(options.Clients, SetupConcurrency));
        hr.Timeout = TimeSpan.FromMinutes(5);
        await BenchTenant.SignInAsync(hr, options.Tenant, "hr", password, cancellationToken);
        var month = options.Month;

        var policy = ReviewPolicy.Default with
        {
            Distribution = new ForcedDistribution(DistributionScope.Tenant, [new GradeQuota("A", MaxPercent: 20m), new GradeQuota("D", MinPercent: 10m)]),
        };
        using (var put = await hr.PutAsJsonAsync("/api/v1/review-policy", policy, BenchTenant.Json, cancellationToken))
        {
            await BenchTenant.EnsureAsync(put, "set the review policy", cancellationToken);
        }

        var setup = new List<Phase>
        {
            await ImportHistoryAsync(hr, reviewed, HistoryFile.MonthsBefore(month, options.HistoryMonths), cancellationToken),
            await PostEventsAsync(http, apiKey, reviewed, options, cancellationToken),
        };

        var close = new List<Phase>();
        var (opened, cycle) = await TimeAsync(() => SendAsync(hr, HttpMethod.Post, $"/api/v1/cycles/{month}/open", "open the month", cancellationToken));
        Expect(cycle["status"]?.GetValue<string>() == "calibrating", $"the opened month is {cycle["status"]}, not calibrating: is {month} past its grace window?");
        var at = Transitions(cycle);
        close.Add(new Phase("open: reviews started, rating, freeze", opened,
            $"{cycle["participants"]} reviews; server clock: open→rating {Between(at, "open", "rating"):F0} ms, freeze {Between(at, "rating", "calibrating"):F0} ms"));

        setup.Add(await RateAsync(options, password, reviewed, month, cancellationToken));
        var frozen = await SendAsync(hr, HttpMethod.Get, $"/api/v1/cycles/{month}/employees/{reviewed[1].Id}", "read a review", cancellationToken);

        var (calibrated, calibration) = await TimeAsync(() => SendAsync(hr, HttpMethod.Get, $"/api/v1/cycles/{month}/calibration", "read the calibration", cancellationToken));
        var rows = calibration["rows"]!.AsArray();
        Expect(rows.Count == reviewed.Length && rows.All(r => r!["composite"] is not null), "the calibration lacks people or composites");
        var counts = calibration["gradeCounts"]!.AsObject();
        close.Add(new Phase("composites and calibration (quotas)", calibrated,
            $"{rows.Count} ranked; grades {string.Join(" ", counts.Select(c => $"{c.Key}:{c.Value}"))}"));

        var (approved, archived) = await TimeAsync(() => SendAsync(hr, HttpMethod.Post, $"/api/v1/cycles/{month}/approve", "approve", cancellationToken));
        Expect(archived["status"]?.GetValue<string>() == "archived", $"the approved cycle is {archived["status"]}");
        close.Add(new Phase("approval: grades, publication, pay, archive", approved,
            $"payroll: {(archived["payroll"]?["configured"]?.GetValue<bool>() == true ? "pushed" : "not configured, lines kept pending")}"));

        var (csvTime, csv) = await TimeAsync(() => DownloadAsync(hr, $"/api/v1/cycles/{month}/pay?format=csv", cancellationToken));
        var lines = System.Text.Encoding.UTF8.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Expect(lines == reviewed.Length + 1, $"the CSV has {lines} lines, not {reviewed.Length + 1}");
        close.Add(new Phase("pay export CSV", csvTime, $"{lines - 1} rows, {csv.Length / 1024.0:F0} KiB"));
        var (xlsxTime, xlsx) = await TimeAsync(() => DownloadAsync(hr, $"/api/v1/cycles/{month}/pay?format=xlsx", cancellationToken));
        close.Add(new Phase("pay export XLSX", xlsxTime, $"{xlsx.Length / 1024.0:F0} KiB"));

        var targets = new List<(string Silo, HttpClient Http)> { ("this build", hr) };
        using var compare = options.CompareUrl is null ? null : BenchTenant.NewClient(options.CompareUrl, options.Clients);
        if (compare is not null)
        {
            await BenchTenant.SignInAsync(compare, options.Tenant, "hr", password, cancellationToken);
            targets.Add(("compare build", compare));
        }

        var trend = await TrendAsync(targets, options, reviewed.Length, cancellationToken);
        return new ReviewReport(month, reviewed.Length, frozen["frozen"]?["eventCount"]?.GetValue<long>() ?? 0, setup, close, trend);
    }

    private static async Task<Phase> ImportHistoryAsync(HttpClient hr, Employee[] employees, string[] months, CancellationToken cancellationToken)
    {
        if (months.Length == 0) return new Phase("history import", 0, "none");
        var file = HistoryFile.Csv(employees, months);
        var (elapsed, summary) = await TimeAsync(async () =>
        {
            using var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await hr.PostAsync("/api/v1/reviews/import", content, cancellationToken);
            await BenchTenant.EnsureAsync(response, "import the history", cancellationToken);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        });
        return new Phase("history import (CSV)", elapsed, $"{employees.Length * months.Length} rows, {months[0]}..{months[^1]}, {file.Length / 1024} KiB; {summary.ToJsonString()}");
    }

    private static async Task<Phase> PostEventsAsync(HttpClient http, string apiKey, Employee[] employees, ReviewBenchOptions options, CancellationToken cancellationToken)
    {
        var total = employees.Length * options.EventsPerEmployee;
        var bodies = EventBodies.Build(employees, Math.Max(1, (total + EventBatch - 1) / EventBatch), EventBatch, "month-" + Guid.NewGuid().ToString("N")[..8],
            Period.Start(options.Month, Shanghai).AddDays(10).AddHours(4));
        var (elapsed, _) = await TimeAsync(async () =>
        {
            await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (body, ct) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Api-Key", apiKey);
                using var response = await http.SendAsync(request, ct);
                await BenchTenant.EnsureAsync(response, "post events", ct);
            });
            return 0;
        });
        return new Phase($"events of {options.Month}", elapsed, $"{bodies.Length * EventBatch} events in batches of {EventBatch}");
    }

    /// <summary>Each manager rates their people's one rated indicator, with a comment, several at a time.</summary>
    private static async Task<Phase> RateAsync(ReviewBenchOptions options, string password, Employee[] reviewed, string month, CancellationToken cancellationToken)
    {
        using var admin = new HttpClient { BaseAddress = options.Url };
        await BenchTenant.SignInAsync(admin, options.Tenant, "admin", password, cancellationToken);
        var raters = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        try
        {
            foreach (var managerId in reviewed.Select(BenchCompany.RaterOf).Distinct(StringComparer.Ordinal))
            {
                var userName = "m-" + managerId.ToLowerInvariant();
                await BenchTenant.CreateUserAsync(admin, userName, password, ["manager", "employee"], managerId, cancellationToken);
                var client = BenchTenant.NewClient(options.Url!, SetupConcurrency);
                raters[managerId] = client;
                await BenchTenant.SignInAsync(client, options.Tenant, userName, password, cancellationToken);
            }

            var (elapsed, _) = await TimeAsync(async () =>
            {
                await Parallel.ForEachAsync(reviewed, new ParallelOptions { MaxDegreeOfParallelism = SetupConcurrency, CancellationToken = cancellationToken }, async (employee, ct) =>
                {
                    var rating = 1 + (int)((uint)StringComparer.Ordinal.GetHashCode(employee.Id) % 5);
                    object[] body = [new { indicatorId = BenchCompany.RatedIndicatorOf(employee), rating, comment = "本月表现稳定，按时完成工作" }];
                    using var response = await raters[BenchCompany.RaterOf(employee)].PutAsJsonAsync($"/api/v1/cycles/{month}/employees/{employee.Id}/ratings", body, BenchTenant.Json, ct);
                    await BenchTenant.EnsureAsync(response, $"rate {employee.Id}", ct);
                });
                return 0;
            });
            return new Phase("ratings by managers", elapsed, $"{reviewed.Length} reviews, one PUT each, {SetupConcurrency} at a time, {raters.Count} managers");
        }
        finally
        {
            foreach (var client in raters.Values) client.Dispose();
        }
    }

    /// <summary>The trend of the whole company, request i to target i mod n, so every target sees the same load.</summary>
    private static async Task<TrendStats[]> TrendAsync(List<(string Silo, HttpClient Http)> targets, ReviewBenchOptions options, int people, CancellationToken cancellationToken)
    {
        var from = options.Month;
        for (var i = 1; i < options.TrendMonths; i++) from = Period.Previous(from);
        var path = $"/api/v1/reports/departments/{BenchCompany.HeadOffice}/trend?from={from}&to={options.Month}";
        var months = 0;
        var rows = 0;
        foreach (var (_, http) in targets)
        {
            var first = (await SendAsync(http, HttpMethod.Get, path, "read the trend", cancellationToken))["months"]!.AsArray();
            months = first.Count;
            rows = first.Sum(m => m!["members"]!.GetValue<int>());
            Expect(months == options.TrendMonths, $"the trend has {months} months, not {options.TrendMonths}");
            Expect(rows == people * options.TrendMonths, $"the trend counts {rows} results, not {people * options.TrendMonths}");
            for (var i = 1; i < options.WarmupRequests; i++) await SendAsync(http, HttpMethod.Get, path, "read the trend", cancellationToken);
        }

        var recorders = targets.Select(_ => new LatencyRecorder[options.Clients]).ToArray();
        var failures = targets.Select(_ => new ConcurrentDictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
        {
            foreach (var set in recorders) set[c] = new LatencyRecorder();
            int request;
            while ((request = Interlocked.Increment(ref next)) < options.Requests * targets.Count)
            {
                var target = request % targets.Count;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await targets[target].Http.GetAsync(path, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    if (response.IsSuccessStatusCode) recorders[target][c].Record(Stopwatch.GetElapsedTime(started), 1);
                    else failures[target].AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
                }
                catch (HttpRequestException e)
                {
                    failures[target].AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        }, cancellationToken)));
        var seconds = clock.Elapsed.TotalSeconds;
        return [.. targets.Select((t, i) => new TrendStats(t.Silo, LatencyRecorder.Merge(recorders[i]), recorders[i].Sum(r => r.Operations), seconds, options.Clients, months, rows, failures[i].ToDictionary()))];
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await http.SendAsync(request, cancellationToken);
        await BenchTenant.EnsureAsync(response, what, cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
    }

    private static async Task<byte[]> DownloadAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        await BenchTenant.EnsureAsync(response, $"download {path}", cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static async Task<(double Milliseconds, T Result)> TimeAsync<T>(Func<Task<T>> step)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await step();
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, result);
    }

    /// <summary>When the cycle entered each status (the last time), by the silo's clock.</summary>
    private static Dictionary<string, DateTimeOffset> Transitions(JsonNode cycle) =>
        cycle["transitions"]!.AsArray().GroupBy(t => t!["to"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Last()!["at"]!.GetValue<DateTimeOffset>(), StringComparer.Ordinal);

    private static double Between(Dictionary<string, DateTimeOffset> at, string from, string to) =>
        at.TryGetValue(from, out var start) && at.TryGetValue(to, out var end) ? (end - start).TotalMilliseconds : double.NaN;

    private static void Expect(bool condition, string failure)
    {
        if (!condition) throw new InvalidOperationException(failure);
    }
}

using System.Text.Json;

namespace Pulse.ReviewBench;

/// <summary>What a run measured: the setup (not part of the targets), the close of the month, and the trend requests.</summary>
public sealed record ReviewReport(string Month, int People, long SampleFrozenEvents, IReadOnlyList<Phase> Setup, IReadOnlyList<Phase> Close, TrendStats[] Trends)
{
    public const double CloseTargetMilliseconds = 5_000;
    public const double TrendTargetMilliseconds = 500;

    public double CloseMilliseconds => Close.Sum(p => p.Milliseconds);

    public bool Failed => Trends.Any(t => t.Requests == 0 || t.Failures.Count > 0);

    private TrendStats Trend => Trends[0];

    public void Print(ReviewBenchOptions options)
    {
        Console.WriteLine($"setup of {Month} for {People} people (not part of the targets):");
        foreach (var phase in Setup) Console.WriteLine($"  {phase.Name,-44} {phase.Milliseconds,9:F0} ms  {phase.Detail}");
        Console.WriteLine($"  (one review's frozen scorecard counts {SampleFrozenEvents} events)");
        Console.WriteLine();
        Console.WriteLine($"closing and approving {Month} ({People} people):");
        Console.WriteLine($"| {"phase",-44} | {"ms",9} | detail");
        Console.WriteLine($"|{new string('-', 46)}|{new string('-', 11)}|{new string('-', 40)}");
        foreach (var phase in Close) Console.WriteLine($"| {phase.Name,-44} | {phase.Milliseconds,9:F0} | {phase.Detail}");
        Console.WriteLine($"| {"close total",-44} | {CloseMilliseconds,9:F0} | target <= {CloseTargetMilliseconds:F0} ms: {(CloseMilliseconds <= CloseTargetMilliseconds ? "met" : "MISSED")}");
        Console.WriteLine();
        var t = Trend;
        var clients = Trends.Length == 1 ? $"{t.Clients} clients" : $"{t.Clients} clients, alternating between {Trends.Length} silos (the requests/s is the two together)";
        Console.WriteLine($"department trend, {t.Months} months x {People} people ({t.RowsPerRequest} archived results a request), {t.Requests} requests a silo from {clients}, after {options.WarmupRequests} unmeasured:");
        Console.WriteLine($"| {"silo",-14} | {"requests/s",10} | {"p50 ms",7} | {"p95 ms",7} | {"p99 ms",7} | {"max ms",7} | {"failures",8} | target p99 <= {TrendTargetMilliseconds:F0} ms");
        foreach (var s in Trends)
        {
            Console.WriteLine($"| {s.Silo,-14} | {s.Requests * Trends.Length / s.Seconds,10:F1} | {s.Latency.P50,7:F1} | {s.Latency.P95,7:F1} | {s.Latency.P99,7:F1} | {s.Latency.Max,7:F1} | {s.Failures.Values.Sum(),8} | {(s.Latency.P99 <= TrendTargetMilliseconds ? "met" : "MISSED")}");
            foreach (var (failure, n) in s.Failures) Console.WriteLine($"  failed: {n} x {failure}");
        }
        if (!options.Json) return;
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(new
        {
            month = Month,
            people = People,
            setup = Setup.ToDictionary(p => p.Name, p => Math.Round(p.Milliseconds)),
            close = Close.ToDictionary(p => p.Name, p => Math.Round(p.Milliseconds)),
            closeTotal = Math.Round(CloseMilliseconds),
            trendRequests = t.Requests,
            trendClients = t.Clients,
            trendRequestsPerSecond = t.Requests * Trends.Length / t.Seconds,
            p50 = t.Latency.P50,
            p95 = t.Latency.P95,
            p99 = t.Latency.P99,
            max = t.Latency.Max,
            failures = t.Failures.Values.Sum(),
            compare = Trends.Skip(1).Select(c => new { silo = c.Silo, requests = c.Requests, p50 = c.Latency.P50, p95 = c.Latency.P95, p99 = c.Latency.P99, max = c.Latency.Max, failures = c.Failures.Values.Sum() }),
        }));
    }
}

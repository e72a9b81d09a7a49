using System.Collections.Concurrent;
using System.Diagnostics;
using Pulse.LoadGenerator;
using Pulse.Silo.Demo;

namespace Pulse.DashboardBench;

/// <summary>One bench run: set up, open the connections, ingest at a fixed rate, wait for the last pushes, report.</summary>
public static class DashboardRun
{
    private const int OpenConcurrency = 32;

    public static async Task<DashboardReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        using var http = BenchTenant.NewClient(options.Url!, options.Clients);

        var organisation = DemoCompany.Document(options.Employees);
        var (apiKey, password) = await BenchTenant.CreateAsync(http, options.Tenant, options.OperatorKey!, organisation, cancellationToken);
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var accounts = await HubAccounts.CreateAsync(options.Url!, options.HubUrl!, options.Tenant, password, organisation, cancellationToken);

        var employeeIndex = organisation.Employees!.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var scopes = WatchPlan.Spread(options.Connections, options.EmployeeEvery, organisation, employeeIndex);
        // Each HTTP client owns a disjoint share of the staff and waits for its answer before its next batch, so an
        // employee's events are applied in the order sent and a pushed event count names exactly the batches it covers.
        var perClient = (int)Math.Ceiling(options.Rate * (options.Warmup + options.Seconds) * 1.05 / options.Batch / options.Clients) + 1;
        var runTag = "d" + Guid.NewGuid().ToString("N")[..10];
        var bodies = Enumerable.Range(0, options.Clients)
            .Select(c => EventBodies.Build(organisation.Employees!.Where((_, i) => i % options.Clients == c).ToArray(), perClient, options.Batch, $"{runTag}-{c}"))
            .ToArray();
        var counts = bodies.Select(b => BodyCounts.Count(b, employeeIndex)).ToArray();
        var ledger = new BatchLedger(employeeIndex.Count, perClient);
        var stats = new DeliveryStats();
        Console.Error.WriteLine($"tenant '{options.Tenant}': {options.Employees} employees, {organisation.Departments!.Length} departments; {options.Clients} x {perClient} bodies of {options.Batch} events prepared");

        var before = await MemorySample.TakeAsync(options.HubPid);
        var hubUrl = new Uri(options.HubUrl!, "/hubs/dashboard");
        var connections = scopes.Select(s => WatchConnection.Create(hubUrl, accounts.TokenFor(s.UserName), s, ledger, employeeIndex, stats)).ToArray();
        var openFailures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var opening = Stopwatch.StartNew();
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = OpenConcurrency, CancellationToken = cancellationToken }, async (connection, ct) =>
        {
            try
            {
                await connection.StartAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                openFailures.AddOrUpdate(ex.GetType().Name + ": " + FirstLine(ex.Message), 1, (_, n) => n + 1);
            }
        });
        var opened = connections.Length - openFailures.Values.Sum();
        Console.Error.WriteLine($"{opened} of {connections.Length} connections open and watching in {opening.Elapsed.TotalSeconds:F1} s");
        foreach (var (failure, n) in openFailures) Console.Error.WriteLine($"  {n} x {failure}");
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // let the silo settle before reading its memory again
        var after = await MemorySample.TakeAsync(options.HubPid);

        var silos = options.SiloPids.Select(pid => new SiloProcess(pid)).ToArray();
        var load = await IngestAsync(options, http, bodies, counts, ledger, stats, silos, cancellationToken);

        var draining = Stopwatch.StartNew();
        long pending;
        while ((pending = connections.Sum(c => c.Pending())) > 0 && draining.Elapsed < TimeSpan.FromSeconds(options.Drain))
        {
            await Task.Delay(250, cancellationToken);
        }

        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = OpenConcurrency }, async (c, _) => await c.DisposeAsync());
        return new DashboardReport(options, opened, openFailures.ToDictionary(), before, after, load, stats, pending);
    }

    private static async Task<LoadWindow> IngestAsync(BenchOptions options, HttpClient http, byte[][][] bodies, (int, int)[][][] counts, BatchLedger ledger, DeliveryStats stats, SiloProcess[] silos, CancellationToken cancellationToken)
    {
        var clock = new RunClock(options.Warmup, options.Seconds, options.Rate, options.Batch);
        var errors = new ErrorTally();
        var acks = Enumerable.Range(0, options.Clients).Select(_ => new LatencyRecorder()).ToArray();
        var drained = false;

        // The measured window: pushes are counted and CPU is read between its edges.
        var window = Task.Run(async () =>
        {
            await Task.Delay(clock.MeasureFrom - clock.Now, cancellationToken);
            var cpuFrom = silos.Select(s => s.CpuSeconds()).ToArray();
            var selfFrom = Process.GetCurrentProcess().TotalProcessorTime;
            var from = clock.Now;
            stats.Counting = true;
            var remaining = clock.Deadline - clock.Now;
            if (remaining > TimeSpan.Zero) await Task.Delay(remaining, cancellationToken);
            stats.Counting = false;
            var seconds = (clock.Now - from).TotalSeconds;
            var silosCpu = silos.Select((s, i) => (s.CpuSeconds() - cpuFrom[i]) / seconds).ToArray();
            return (seconds, silosCpu, (Process.GetCurrentProcess().TotalProcessorTime - selfFrom).TotalSeconds / seconds);
        }, cancellationToken);

        var workers = acks.Select((recorder, client) => Task.Run(async () =>
        {
            for (var k = 0; !clock.Expired; k++)
            {
                if (k >= bodies[client].Length)
                {
                    drained = true;
                    break;
                }
                // Open-loop schedule shared by all clients: batch k of client c is due as the (k * clients + c)-th.
                await clock.PaceAsync(((long)k * options.Clients) + client, cancellationToken);
                if (clock.Expired) break;
                var started = clock.Now;
                var measured = clock.InWindow(started);
                ledger.Sending(counts[client][k], measured);
                var accepted = await HttpLoad.PostAsync(http, bodies[client][k], options.Batch, errors, cancellationToken);
                var finished = clock.Now;
                if (!measured) continue;
                clock.Completed(finished);
                if (accepted) recorder.Record(finished - started, options.Batch);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var (windowSeconds, siloCpu, benchCpu) = await window;
        return new LoadWindow(windowSeconds, acks.Sum(r => r.Events), LatencyRecorder.Merge(acks), errors.Total, errors.Snapshot(), siloCpu, benchCpu, drained);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

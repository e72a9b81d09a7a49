using System.Globalization;
using System.Text.Json;

namespace Pulse.DashboardBench;

/// <summary>What one run measured, printed for people and optionally as one JSON line for scripts.</summary>
public sealed record DashboardReport(
    BenchOptions Options,
    int Opened,
    IReadOnlyDictionary<string, int> OpenFailures,
    MemorySample? Before,
    MemorySample? After,
    LoadWindow Load,
    DeliveryStats Stats,
    long Unseen)
{
    public bool Failed => Opened == 0 || Stats.Latency.Total == 0 || Load.Errors > 0;

    private double? PerConnection(Func<MemorySample, long?> read) =>
        Before is not null && After is not null && read(Before) is { } b && read(After) is { } a && Opened > 0 ? (a - b) / (double)Opened : null;

    public void Print(TextWriter output)
    {
        var latency = Stats.Latency;
        var o = Options;
        Line(output, $"setup           {Opened}/{o.Connections} connections to {o.HubUrl}, events to {o.Url}; {o.Employees} employees, one connection in {o.EmployeeEvery} watching an employee");
        Line(output, $"load            {o.Rate:F0} events/s in batches of {o.Batch} ({o.Clients} HTTP clients), {o.Warmup} s warm-up, {Load.Seconds:F1} s measured");
        Line(output, $"acknowledged    {Load.EventsAcknowledged / Math.Max(Load.Seconds, 1e-9):F0} events/s; HTTP ack per batch p50 {Load.Ack.P50:F1} ms, p99 {Load.Ack.P99:F1} ms, max {Load.Ack.Max:F1} ms; errors {Load.Errors}");
        Line(output, $"event-to-screen p50 {latency.Percentile(0.50):F0} ms, p90 {latency.Percentile(0.90):F0} ms, p99 {latency.Percentile(0.99):F0} ms, max {latency.MaxMilliseconds:F0} ms over {latency.Total} (event, connection) deliveries; {Unseen} not seen within {o.Drain} s after the load");
        Line(output, $"pushes          {Stats.EmployeePushes / Math.Max(Load.Seconds, 1e-9):F0} employeesChanged + teamChanged/s received in all ({Stats.Lines / (double)Math.Max(1, Stats.EmployeePushes):F1} lines or rows each), {Stats.OtherPushes / Math.Max(Load.Seconds, 1e-9):F0} other callbacks/s");
        Line(output, $"cpu             silos {string.Join(" + ", Load.SiloCores.Select(c => c.ToString("F2", CultureInfo.InvariantCulture)))} cores; this bench {Load.BenchCores:F2} cores (same machine)");
        if (Before is not null && After is not null)
        {
            Line(output, $"memory          hub silo RSS {Mb(Before.ResidentBytes)} -> {Mb(After.ResidentBytes)} MiB, live GC heap {Mb(Before.LiveHeapBytes)} -> {Mb(After.LiveHeapBytes)} MiB; per connection: RSS {Kb(PerConnection(s => s.ResidentBytes))} KiB, GC heap {Kb(PerConnection(s => s.LiveHeapBytes))} KiB");
        }
        foreach (var (kind, n) in Load.ErrorKinds) Line(output, $"  error {kind}: {n}");
        if (Load.RanOutOfBodies) Line(output, $"note            ran out of prepared bodies before the end");

        if (!o.Json) return;
        var json = JsonSerializer.Serialize(new
        {
            connections = Opened,
            rate = o.Rate,
            seconds = Load.Seconds,
            eventsPerSecond = Load.EventsAcknowledged / Math.Max(Load.Seconds, 1e-9),
            ackP50 = Load.Ack.P50,
            ackP99 = Load.Ack.P99,
            p50 = latency.Percentile(0.50),
            p90 = latency.Percentile(0.90),
            p99 = latency.Percentile(0.99),
            max = latency.MaxMilliseconds,
            deliveries = latency.Total,
            unseen = Unseen,
            pushesPerSecond = Stats.EmployeePushes / Math.Max(Load.Seconds, 1e-9),
            siloCores = Load.SiloCores,
            benchCores = Load.BenchCores,
            rssPerConnection = PerConnection(s => s.ResidentBytes),
            heapPerConnection = PerConnection(s => s.LiveHeapBytes),
            rssBefore = Before?.ResidentBytes,
            rssAfter = After?.ResidentBytes,
            heapBefore = Before?.LiveHeapBytes,
            heapAfter = After?.LiveHeapBytes,
            errors = Load.Errors,
        });
        output.WriteLine("RESULT " + json);
    }

    private static void Line(TextWriter output, FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static string Mb(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) : "?";

    private static string Kb(double? bytes) => bytes is { } b ? (b / 1024.0).ToString("F1", CultureInfo.InvariantCulture) : "?";
}

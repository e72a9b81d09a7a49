using System.Globalization;
using System.Text.Json;

namespace Pulse.LoadGenerator;

/// <summary>What one run measured, printed for people and optionally as one JSON line for scripts.</summary>
public sealed record LoadReport(
    string Mode,
    int Clients,
    int Batch,
    double? RateCap,
    double Seconds,
    long Events,
    long Operations,
    Percentiles Latency,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorKinds,
    ClientGc ClientGc,
    string? Note,
    bool Json)
{
    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : 0;

    public bool Failed => Errors > 0 || Events == 0;

    public void Print(TextWriter output)
    {
        var unit = Mode == "http" ? "request" : "transaction";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mode            {Mode} ({Clients} {(Mode == "http" ? "clients" : "connections")}{(Mode == "http" ? $", {Batch} events/request" : ", 1 event/transaction")}{(RateCap is { } r ? $", capped at {r:F0} events/s" : "")})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measured        {Seconds:F1} s, {Operations} {unit}s, {Events} events acknowledged"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput      {EventsPerSecond:F0} events/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency/{unit,-8} p50 {Latency.P50:F1} ms  p95 {Latency.P95:F1} ms  p99 {Latency.P99:F1} ms  max {Latency.Max:F1} ms"));
        output.WriteLine($"errors          {Errors}{(ErrorKinds.Count > 0 ? " (" + string.Join(", ", ErrorKinds.Select(k => $"{k.Key}: {k.Value}")) + ")" : "")}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"client GC       {ClientGc.Collections} collections ({ClientGc.FullCollections} full), paused {ClientGc.PauseMilliseconds:F1} ms in all"));
        if (Note is not null) output.WriteLine($"note            {Note}");
        if (Json)
        {
            output.WriteLine("RESULT " + JsonSerializer.Serialize(new
            {
                mode = Mode,
                clients = Clients,
                batch = Batch,
                rateCap = RateCap,
                seconds = Math.Round(Seconds, 2),
                events = Events,
                eventsPerSecond = Math.Round(EventsPerSecond),
                operations = Operations,
                p50 = Math.Round(Latency.P50, 2),
                p95 = Math.Round(Latency.P95, 2),
                p99 = Math.Round(Latency.P99, 2),
                max = Math.Round(Latency.Max, 2),
                errors = Errors,
                clientGcPauseMs = Math.Round(ClientGc.PauseMilliseconds, 1),
            }));
        }
    }
}

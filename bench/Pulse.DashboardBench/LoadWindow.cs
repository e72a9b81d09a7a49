using Pulse.LoadGenerator;

namespace Pulse.DashboardBench;

/// <summary>The ingestion side of the measured window: events acknowledged, their HTTP latency, CPU used.</summary>
public sealed record LoadWindow(
    double Seconds,
    long EventsAcknowledged,
    Percentiles Ack,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorKinds,
    double[] SiloCores,
    double BenchCores,
    bool RanOutOfBodies);

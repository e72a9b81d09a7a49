namespace Pulse.LoadGenerator;

/// <summary>Latencies of one worker (no locking on the hot path); merged at the end.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = new(4096);

    public long Events { get; private set; }

    public long Operations => _milliseconds.Count;

    public void Record(TimeSpan latency, int events)
    {
        _milliseconds.Add(latency.TotalMilliseconds);
        Events += events;
    }

    public static Percentiles Merge(IEnumerable<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r._milliseconds).ToArray();
        Array.Sort(all);
        return new Percentiles(At(all, 0.50), At(all, 0.95), At(all, 0.99), all.Length == 0 ? 0 : all[^1]);
    }

    // Nearest-rank percentile.
    private static double At(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

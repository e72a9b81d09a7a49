namespace Pulse.DashboardBench;

/// <summary>
/// Event-to-screen latencies in whole milliseconds, weighted by events, shared by every connection's callback
/// (lock-free adds). A histogram rather than a list: a run records millions of (event, connection) deliveries.
/// </summary>
public sealed class LatencyHistogram
{
    private const int Buckets = 120_001; // 0 … 120 s in 1 ms steps; slower lands in the last bucket (max is exact)
    private readonly long[] _counts = new long[Buckets];
    private long _total;
    private long _maxMicroseconds;

    public long Total => Interlocked.Read(ref _total);

    public void Record(double milliseconds, long weight)
    {
        var bucket = (int)Math.Clamp(Math.Ceiling(milliseconds), 0, Buckets - 1);
        Interlocked.Add(ref _counts[bucket], weight);
        Interlocked.Add(ref _total, weight);
        var micros = (long)(milliseconds * 1000);
        long seen;
        while ((seen = Interlocked.Read(ref _maxMicroseconds)) < micros && Interlocked.CompareExchange(ref _maxMicroseconds, micros, seen) != seen)
        {
        }
    }

    public double MaxMilliseconds => Interlocked.Read(ref _maxMicroseconds) / 1000.0;

    /// <summary>Nearest-rank percentile: the bucket's upper edge, so a reported p99 of 120 ms means "within 120 ms".</summary>
    public double Percentile(double p)
    {
        var total = Total;
        if (total == 0) return 0;
        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= rank) return Math.Min(i, MaxMilliseconds);
        }
        return MaxMilliseconds;
    }
}

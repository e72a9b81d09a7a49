namespace Pulse.DashboardBench;

/// <summary>Counters every connection's callbacks add to.</summary>
public sealed class DeliveryStats
{
    private long _employeePushes;
    private long _otherPushes;
    private long _lines;

    public LatencyHistogram Latency { get; } = new();

    private volatile bool _counting;

    /// <summary>Counts pushes only between the start and the end of the measured window.</summary>
    public bool Counting
    {
        get => _counting;
        set => _counting = value;
    }

    public long EmployeePushes => Interlocked.Read(ref _employeePushes);

    public long OtherPushes => Interlocked.Read(ref _otherPushes);

    public long Lines => Interlocked.Read(ref _lines);

    public void EmployeePush(int lines)
    {
        if (!_counting) return;
        Interlocked.Increment(ref _employeePushes);
        Interlocked.Add(ref _lines, lines);
    }

    public void OtherPush()
    {
        if (_counting) Interlocked.Increment(ref _otherPushes);
    }
}

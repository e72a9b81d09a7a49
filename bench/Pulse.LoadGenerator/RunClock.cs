using System.Diagnostics;

namespace Pulse.LoadGenerator;

/// <summary>
/// The run's timeline: a warm-up whose work is not counted, then the measured window. Only operations that start
/// inside the window count; the window closes when the last of them completes.
/// </summary>
public sealed class RunClock(int warmupSeconds, int seconds, double? rate, int eventsPerOperation)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _lastCompletionTicks;

    public TimeSpan Now => _watch.Elapsed;

    public TimeSpan MeasureFrom { get; } = TimeSpan.FromSeconds(warmupSeconds);

    public TimeSpan Deadline { get; } = TimeSpan.FromSeconds(warmupSeconds + seconds);

    public bool Expired => _watch.Elapsed >= Deadline;

    public bool InWindow(TimeSpan started) => started >= MeasureFrom;

    public void Completed(TimeSpan at)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _lastCompletionTicks)) < at.Ticks && Interlocked.CompareExchange(ref _lastCompletionTicks, at.Ticks, seen) != seen)
        {
        }
    }

    public double MeasuredSeconds => Math.Max(0, (TimeSpan.FromTicks(Interlocked.Read(ref _lastCompletionTicks)) - MeasureFrom).TotalSeconds);

    /// <summary>With a rate cap, waits until operation number <paramref name="sequence"/> is due (open loop, shared by all workers).</summary>
    public async Task PaceAsync(long sequence, CancellationToken cancellationToken)
    {
        if (rate is not { } eventsPerSecond) return;
        var due = TimeSpan.FromSeconds(sequence * eventsPerOperation / eventsPerSecond);
        var wait = due - _watch.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, cancellationToken);
    }
}

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// A periodic timer of <see cref="JumpingClock"/>: a one-shot timer of the fake clock that, after each tick, sets itself
/// a period after where the clock is going, so a jump over many periods costs one tick.
/// </summary>
internal sealed class OncePerJumpTimer : ITimer
{
    private readonly JumpingClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly ITimer _inner;
    private readonly Lock _gate = new();
    private TimeSpan _period;
    private bool _disposed;

    public OncePerJumpTimer(JumpingClock clock, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        _period = period;
        _inner = clock.CreateOneShot(_ => Tick(), dueTime);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_disposed) return false;
            _period = period;
            return _inner.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate) _disposed = true;
        _inner.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Tick()
    {
        _callback(_state);
        lock (_gate)
        {
            if (_disposed || _period <= TimeSpan.Zero || _period == Timeout.InfiniteTimeSpan) return;
            var now = _clock.GetUtcNow();
            var from = _clock.Target > now ? _clock.Target : now;
            _inner.Change(from - now + _period, Timeout.InfiniteTimeSpan);
        }
    }
}

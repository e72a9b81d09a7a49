using Microsoft.Extensions.Time.Testing;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// A fake clock that jumps the way a real one does after a machine sleeps: a periodic timer whose periods passed during
/// a jump fires once, then keeps its period from the new time. <see cref="FakeTimeProvider"/> alone fires it once for
/// every period that passed, and Orleans keeps timers of a second and a tenth of a second on the clock it is given, so
/// jumping a month would mean tens of millions of callbacks.
/// </summary>
public sealed class JumpingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private long _targetTicks = start.UtcTicks;

    /// <summary>Where the clock is going: a periodic timer's next tick is a period after it.</summary>
    internal DateTimeOffset Target => new(Interlocked.Read(ref _targetTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward to <paramref name="at"/> (never back), firing what falls due on the way.</summary>
    public void JumpTo(DateTimeOffset at)
    {
        if (at <= GetUtcNow()) return;
        Interlocked.Exchange(ref _targetTicks, at.UtcTicks);
        SetUtcNow(at);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        period <= TimeSpan.Zero || period == Timeout.InfiniteTimeSpan
            ? base.CreateTimer(callback, state, dueTime, period)
            : new OncePerJumpTimer(this, callback, state, dueTime, period);

    /// <summary>A timer of the underlying fake clock that fires once.</summary>
    internal ITimer CreateOneShot(TimerCallback callback, TimeSpan dueTime) => base.CreateTimer(callback, null, dueTime, Timeout.InfiniteTimeSpan);
}

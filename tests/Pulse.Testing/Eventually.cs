using System.Diagnostics;
using Xunit;

namespace Pulse.Tests.Infrastructure;

/// <summary>Waits for state that settles asynchronously by reading it until a condition holds, never by sleeping a guess.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Reads until <paramref name="condition"/> holds and returns that value; fails the test when <paramref name="within"/> passes first.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? within = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (Stopwatch.GetElapsedTime(started) > (within ?? DefaultWithin))
            {
                Assert.Fail($"Condition not met within {within ?? DefaultWithin}; last value: {value}");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }
}

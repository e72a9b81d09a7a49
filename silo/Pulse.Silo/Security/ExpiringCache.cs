using System.Collections.Concurrent;

namespace Pulse.Silo.Security;

/// <summary>
/// Values read from a grain and kept for a short while on this silo, misses included: a credential checked on every
/// request costs a dictionary lookup, and a change made on another silo is seen within <paramref name="maxAge"/>.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeSpan maxAge, TimeProvider clock)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset At)> _entries = new();

    public async ValueTask<TValue> GetAsync(TKey key, Func<TKey, Task<TValue>> load)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && now - entry.At < maxAge) return entry.Value;
        var value = await load(key);
        _entries[key] = (value, now);
        return value;
    }

    /// <summary>Forgets a key, e.g. right after this silo changed what it caches.</summary>
    public void Invalidate(TKey key) => _entries.TryRemove(key, out _);
}

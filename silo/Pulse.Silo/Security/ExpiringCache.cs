using Microsoft.Extensions.Caching.Memory;
using Pulse.Services;

namespace Pulse.Silo.Security;

/// <summary>
/// Values read from a grain and kept for a short while on this silo, misses included: a credential checked on every
/// request costs a cache lookup, and a change made on another silo is seen within <paramref name="maxAge"/>. At most
/// <paramref name="capacity"/> values are kept.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(TimeSpan maxAge, TimeProvider clock, int capacity = ExpiringCache<TKey, TValue>.DefaultCapacity) : IDisposable
    where TKey : notnull
{
    public const int DefaultCapacity = 10_000;

    private readonly MemoryCache _entries = BoundedCache.Create(capacity, clock);

    /// <summary>How many values are held now (never more than the capacity).</summary>
    public int Count => _entries.Count;

    public async ValueTask<TValue> GetAsync(TKey key, Func<TKey, Task<TValue>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (_entries.TryGetValue(key, out TValue? cached)) return cached!;

        // Timed from before the read, so a value is never older than maxAge however slow the read was.
        var expiresAt = clock.GetUtcNow() + maxAge;
        var value = await load(key);
        _entries.Set(key, value, BoundedCache.Until(expiresAt));
        return value;
    }

    /// <summary>Forgets a key, e.g. right after this silo changed what it caches.</summary>
    public void Invalidate(TKey key) => _entries.Remove(key);

    public void Dispose() => _entries.Dispose();
}

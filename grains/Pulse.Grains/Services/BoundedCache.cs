using Microsoft.Extensions.Caching.Memory;

namespace Pulse.Services;

/// <summary>
/// A per-silo <see cref="MemoryCache"/> that holds at most <c>capacity</c> entries (each entry has size 1) and reads
/// expiry from the given <see cref="TimeProvider"/>, so many tenants or users cannot grow memory without bound.
/// When full, a new entry is not kept until the cache has compacted; the caller still gets its value.
/// </summary>
public static class BoundedCache
{
    public static MemoryCache Create(int capacity, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentNullException.ThrowIfNull(clock);
        return new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, Clock = new Clock(clock) });
    }

    /// <summary>Entry options for one value that is stale at <paramref name="expiresAt"/>.</summary>
    public static MemoryCacheEntryOptions Until(DateTimeOffset expiresAt) => new() { Size = 1, AbsoluteExpiration = expiresAt };

    /// <summary>Entry options for one value dropped after <paramref name="idle"/> without a read.</summary>
    public static MemoryCacheEntryOptions WhileUsed(TimeSpan idle) => new() { Size = 1, SlidingExpiration = idle };

    // MemoryCacheOptions takes the older clock interface, not a TimeProvider.
    private sealed class Clock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}

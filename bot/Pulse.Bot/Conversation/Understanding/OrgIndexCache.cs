using Microsoft.Extensions.Caching.Memory;
using Pulse.Organisation;

namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// The <see cref="OrgIndex"/> of each tenant's current rules, per process: keyed by tenant and rules version (a change
/// makes a new version, so a stale index is never used), at most <see cref="Capacity"/> tenants, dropped after
/// <see cref="Idle"/> without use. Every silo builds its own from the same rules, so silos agree.
/// </summary>
public sealed class OrgIndexCache(TimeProvider clock) : IDisposable
{
    public const int Capacity = 64;
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity, Clock = new Clock(clock) });

    public OrgIndex For(TenantRules rules)
    {
        var key = (rules.Settings.TenantId, rules.Version);
        if (_cache.TryGetValue(key, out OrgIndex? index) && index is not null) return index;
        index = OrgIndex.Build(rules);
        _cache.Set(key, index, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return index;
    }

    public void Dispose() => _cache.Dispose();

    // MemoryCacheOptions takes the older clock interface, not a TimeProvider.
    private sealed class Clock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}

using Microsoft.Extensions.Caching.Memory;
using Pulse.Grains;
using Pulse.Organisation;

namespace Pulse.Services;

/// <summary>
/// The silo's copy of each tenant's rules, compiled once per version. Reads on the hot path hit memory; a copy
/// older than <see cref="MaxAge"/> or older than a version a caller knows of is fetched again, so a change made on
/// another silo is seen within a second. At most <see cref="Capacity"/> tenants are held; a tenant unread for
/// <see cref="IdleTime"/> is dropped, so its compiled rules do not outlive its traffic.
/// </summary>
public sealed class TenantRulesProvider(IGrainFactory grains, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan IdleTime = TimeSpan.FromMinutes(10);
    public const int Capacity = 1_000;

    // An entry outlives MaxAge (it goes when idle) so an unchanged version is not compiled again every second.
    private readonly MemoryCache _entries = BoundedCache.Create(Capacity, clock);

    /// <summary>The tenant's rules at <paramref name="minVersion"/> or newer; null if the tenant does not exist.</summary>
    public async ValueTask<CompiledRules?> GetAsync(string tenantId, long minVersion = 0)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(tenantId, out Entry? entry) && entry!.Rules.Version >= minVersion && now - entry.FetchedAt < MaxAge)
        {
            return entry.Rules;
        }

        var rules = await grains.GetGrain<ITenantGrain>(tenantId).GetRulesAsync();
        if (rules is null)
        {
            _entries.Remove(tenantId);
            return null;
        }

        var compiled = entry is not null && entry.Rules.Version == rules.Version ? entry.Rules : new CompiledRules(rules);
        _entries.Set(tenantId, new Entry(compiled, now), BoundedCache.WhileUsed(IdleTime));
        return compiled;
    }

    /// <summary>Forgets the cached copy, e.g. right after this silo changed the tenant.</summary>
    public void Invalidate(string tenantId) => _entries.Remove(tenantId);

    public void Dispose() => _entries.Dispose();

    private sealed record Entry(CompiledRules Rules, DateTimeOffset FetchedAt);
}

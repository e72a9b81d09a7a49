using System.Collections.Concurrent;
using Pulse.Grains;
using Pulse.Organisation;

namespace Pulse.Services;

/// <summary>
/// The silo's copy of each tenant's rules, compiled once per version. Reads on the hot path hit memory; a copy
/// older than <see cref="MaxAge"/> or older than a version a caller knows of is fetched again, so a change made on
/// another silo is seen within a second.
/// </summary>
public sealed class TenantRulesProvider(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The tenant's rules at <paramref name="minVersion"/> or newer; null if the tenant does not exist.</summary>
    public async ValueTask<CompiledRules?> GetAsync(string tenantId, long minVersion = 0)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(tenantId, out var entry) && entry.Rules.Version >= minVersion && now - entry.FetchedAt < MaxAge)
        {
            return entry.Rules;
        }

        var rules = await grains.GetGrain<ITenantGrain>(tenantId).GetRulesAsync();
        if (rules is null)
        {
            _entries.TryRemove(tenantId, out _);
            return null;
        }

        var compiled = entry is not null && entry.Rules.Version == rules.Version ? entry.Rules : new CompiledRules(rules);
        _entries[tenantId] = new Entry(compiled, now);
        return compiled;
    }

    /// <summary>Forgets the cached copy, e.g. right after this silo changed the tenant.</summary>
    public void Invalidate(string tenantId) => _entries.TryRemove(tenantId, out _);

    private sealed record Entry(CompiledRules Rules, DateTimeOffset FetchedAt);
}

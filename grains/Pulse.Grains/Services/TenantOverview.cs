using System.Collections.Concurrent;
using Pulse.Grains;
using Pulse.Performance;

namespace Pulse.Services;

/// <summary>
/// The tenant-wide view, combined on each silo from the top-level departments' summaries and kept for a second:
/// no company-wide grain sits on the hot path, and readers on one silo share one fan-out per second.
/// </summary>
public sealed class TenantOverview(IGrainFactory grains, TenantRulesProvider rulesProvider, TimeProvider clock)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, DepartmentPerformance> _cache = new(StringComparer.Ordinal);

    public async Task<DepartmentPerformance> GetAsync(string tenantId)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(tenantId, out var cached) && now - cached.AsOf < MaxAge) return cached;
        var rules = (await rulesProvider.GetAsync(tenantId))!;
        var roots = rules.Rules.Departments.Where(d => d.ParentId is null).ToArray();
        var parts = await Task.WhenAll(roots.Select(d => grains.GetGrain<IDepartmentGrain>(GrainKeys.For(tenantId, d.Id)).GetPerformanceAsync()));
        var period = parts.FirstOrDefault()?.Period ?? "";
        var overview = DepartmentAggregates.Combine(tenantId, period, parts, 5, now);
        _cache[tenantId] = overview;
        return overview;
    }
}

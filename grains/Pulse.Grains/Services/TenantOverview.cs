using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Pulse.Grains;
using Pulse.Performance;

namespace Pulse.Services;

/// <summary>
/// The tenant-wide view, combined on each silo from the top-level departments' summaries and kept for a second:
/// no company-wide grain sits on the hot path, and readers on one silo share one fan-out per second. At most
/// <see cref="Capacity"/> tenants' views are held.
/// </summary>
public sealed partial class TenantOverview(IGrainFactory grains, TenantRulesProvider rulesProvider, TimeProvider clock, ILogger<TenantOverview> logger) : IDisposable
{
    public const int Capacity = 1_000;
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly MemoryCache _cache = BoundedCache.Create(Capacity, clock);

    public async Task<DepartmentPerformance> GetAsync(string tenantId)
    {
        if (_cache.TryGetValue(tenantId, out DepartmentPerformance? cached)) return cached!;
        var now = clock.GetUtcNow();
        var rules = (await rulesProvider.GetAsync(tenantId))!;
        var roots = rules.Rules.Departments.Where(d => d.ParentId is null).ToArray();
        var parts = (await Task.WhenAll(roots.Select(d => PartAsync(tenantId, d.Id)))).OfType<DepartmentPerformance>().ToArray();
        var period = parts.FirstOrDefault()?.Period ?? "";
        var overview = DepartmentAggregates.Combine(tenantId, period, parts, 5, now);
        _cache.Set(tenantId, overview, BoundedCache.Until(now + MaxAge));
        return overview;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>A department that fails is left out (and logged): the overview shows the rest.</summary>
    private async Task<DepartmentPerformance?> PartAsync(string tenantId, string departmentId)
    {
        try
        {
            return await grains.GetGrain<IDepartmentGrain>(GrainKeys.For(tenantId, departmentId)).GetPerformanceAsync();
        }
        catch (Exception ex)
        {
            LogDepartmentFailed(logger, ex, tenantId, departmentId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Overview of {TenantId} left out department {DepartmentId}, which failed to answer")]
    private static partial void LogDepartmentFailed(ILogger logger, Exception exception, string tenantId, string departmentId);
}

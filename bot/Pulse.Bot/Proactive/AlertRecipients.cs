using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Security;

namespace Pulse.Bot.Proactive;

/// <summary>
/// Who receives an alert: the users linked to the employee and to each manager of the alert's departments, each only
/// if the access policy lets them read that employee now. The tenant's directory is cached in this process, keyed by
/// the rules' version and kept briefly (<see cref="AlertRelayOptions.DirectoryCacheFor"/>), bounded in tenants.
/// </summary>
public sealed class AlertRecipients(IGrainFactory grains, IOptions<AlertRelayOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.DirectoryCacheTenants });

    public async Task<(TenantDirectory Directory, AlertRecipient[] Recipients)?> FindAsync(LiveAlert alert)
    {
        var directory = await DirectoryAsync(alert.Alert.TenantId);
        if (directory is null) return null;
        var candidates = directory.Candidates(alert.Alert.EmployeeId, alert.DepartmentIds);
        var policy = grains.GetGrain<IAccessPolicyGrain>(alert.Alert.TenantId);
        var allowed = await Task.WhenAll(candidates.Select(c => policy.AllowsAsync(c.Caller, Permission.EmployeePerformanceRead, alert.Alert.EmployeeId)));
        return (directory, candidates.Where((_, i) => allowed[i]).ToArray());
    }

    private async Task<TenantDirectory?> DirectoryAsync(string tenantId)
    {
        var rules = await grains.GetGrain<ITenantGrain>(tenantId).GetRulesAsync();
        if (rules is null) return null;
        var key = (tenantId, rules.Version);
        if (_cache.TryGetValue(key, out TenantDirectory? cached) && cached is not null) return cached;
        var users = await grains.GetGrain<IAccessGrain>(tenantId).ListUsersAsync();
        var directory = new TenantDirectory(rules, users);
        if (options.Value.DirectoryCacheFor > TimeSpan.Zero) _cache.Set(key, directory, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.DirectoryCacheFor });
        return directory;
    }

    public void Dispose() => _cache.Dispose();
}

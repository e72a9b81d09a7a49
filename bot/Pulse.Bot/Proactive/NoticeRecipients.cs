using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Reviews;
using Pulse.Security;

namespace Pulse.Bot.Proactive;

/// <summary>
/// Who receives a notice, each only if the access policy lets them now: an alert goes to the users linked to the
/// employee and to each manager of the alert's departments who may read that employee; a review notice for a manager
/// or an employee goes to the users linked to them who may read that employee (themself); an objection, and the
/// notice of ratings HR give (<see cref="ReviewNotice.Hr"/>), go to the users who run the review (HR). The tenant's directory is cached in this process, keyed by the rules' version and
/// kept briefly (<see cref="AlertRelayOptions.DirectoryCacheFor"/>), bounded in tenants.
/// </summary>
public sealed class NoticeRecipients(IGrainFactory grains, IOptions<AlertRelayOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.DirectoryCacheTenants });

    public async Task<(TenantDirectory Directory, NoticeRecipient[] Recipients)?> FindAsync(IChatNotice notice)
    {
        var directory = await DirectoryAsync(notice.TenantId);
        if (directory is null) return null;
        var (candidates, permission, resource) = notice switch
        {
            LiveAlert alert => (directory.Candidates(alert.Alert.EmployeeId, alert.DepartmentIds), Permission.EmployeePerformanceRead, alert.Alert.EmployeeId),
            ReviewNotice { Kind: ReviewNoticeKind.ObjectionRaised } => (directory.Everyone, Permission.ReviewManage, (string?)null),
            ReviewNotice { Kind: ReviewNoticeKind.CycleOpened or ReviewNoticeKind.RatingsDue, EmployeeId: ReviewNotice.Hr } => (directory.Everyone, Permission.ReviewManage, null),
            ReviewNotice review => (directory.Candidates(review.EmployeeId, []), Permission.EmployeePerformanceRead, review.EmployeeId),
            _ => throw new ArgumentException($"Unknown notice {notice.GetType().Name}.", nameof(notice)),
        };
        var policy = grains.GetGrain<IAccessPolicyGrain>(notice.TenantId);
        var allowed = await Task.WhenAll(candidates.Select(c => policy.AllowsAsync(c.Caller, permission, resource)));
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

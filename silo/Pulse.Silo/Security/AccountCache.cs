using Pulse.Grains;
using Pulse.Security;

namespace Pulse.Silo.Security;

/// <summary>
/// The silo's copy of user accounts, so every request is judged by the account as it is now — a disabled account
/// or a removed role stops working at once on this silo and within <see cref="MaxAge"/> on others, not when the
/// bearer token or cookie happens to expire. Holds at most 10,000 accounts; the rest are read from their grain.
/// </summary>
public sealed class AccountCache(IGrainFactory grains, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ExpiringCache<(string Tenant, string UserName), UserView?> _accounts = new(MaxAge, clock);

    /// <summary>The caller with the roles and employee the account has now; null if the account is gone or disabled.</summary>
    public async ValueTask<Caller?> CurrentAsync(Caller caller)
    {
        if (caller.Kind != CallerKind.User) return caller;
        var account = await _accounts.GetAsync((caller.TenantId, caller.Name), key => grains.GetGrain<IAccessGrain>(key.Tenant).GetUserAsync(key.UserName));
        return LiveCaller.Of(caller, account);
    }

    public void Invalidate(string tenantId, string userName) => _accounts.Invalidate((tenantId, userName));

    public void Dispose() => _accounts.Dispose();
}

using Pulse.Grains;
using Pulse.Security;

namespace Pulse.Services;

/// <summary>
/// Resolves a caller as presented by a credential into a <see cref="CallerContext"/> for the grains that serve the
/// dashboard hub and the chat bot. They call at the pace of people (a connection, a message), so the account is
/// read from its grain each time; the HTTP pipeline keeps a short-lived copy of accounts for its own pace.
/// </summary>
public sealed class CallerResolver(IGrainFactory grains, TenantRulesProvider rulesProvider)
{
    /// <summary>The caller as their account is now, with their tenant's rules; null if the account or the tenant is gone.</summary>
    public async ValueTask<CallerContext?> ResolveAsync(Caller presented)
    {
        if (await CurrentAsync(presented) is not { } caller) return null;
        return await rulesProvider.GetAsync(caller.TenantId) is { } rules ? new CallerContext(caller, rules) : null;
    }

    public async ValueTask<Caller?> CurrentAsync(Caller presented) =>
        presented.Kind != CallerKind.User ? presented
        : LiveCaller.Of(presented, await grains.GetGrain<IAccessGrain>(presented.TenantId).GetUserAsync(presented.Name));
}

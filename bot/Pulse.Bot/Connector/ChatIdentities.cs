using Pulse.Chat;
using Pulse.Grains;
using Pulse.Security;

namespace Pulse.Bot.Connector;

/// <summary>
/// Who a channel's sender is in Pulse: the employee whose chat identities hold <c>{channelId}:{from.id}</c>
/// (e.g. <c>msteams:29:1abc</c>), and the enabled account linked to that employee, as the access policy judges it now.
/// </summary>
public sealed class ChatIdentities(IGrainFactory grains)
{
    public static string Of(string channelId, string fromId) => $"{channelId}:{fromId}";

    /// <summary>The user and their caller; null when the identity is linked to no active employee with an enabled account.</summary>
    public async Task<(ChatUser User, Caller Caller)?> FindAsync(string tenantId, string channelId, string fromId)
    {
        var identity = Of(channelId, fromId);
        var rules = await grains.GetGrain<ITenantGrain>(tenantId).GetRulesAsync();
        var employee = rules?.Employees.FirstOrDefault(e => e.Active && (e.ChatIdentities ?? []).Contains(identity, StringComparer.Ordinal));
        if (employee is null) return null;
        var account = (await grains.GetGrain<IAccessGrain>(tenantId).ListUsersAsync())
            .Where(u => !u.Disabled && u.EmployeeId == employee.Id)
            .OrderBy(u => u.UserName, StringComparer.Ordinal)
            .FirstOrDefault();
        if (account is null) return null;
        var caller = await grains.GetGrain<IAccessPolicyGrain>(tenantId)
            .ResolveAsync(new Caller(tenantId, account.UserName, CallerKind.User, account.Roles, account.EmployeeId, []));
        return caller is null ? null : (new ChatUser(tenantId, account.UserName, employee.Id), caller);
    }
}

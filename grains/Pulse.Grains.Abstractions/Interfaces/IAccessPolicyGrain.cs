using Pulse.Security;

namespace Pulse.Grains;

/// <summary>
/// The authorisation rules for callers that run outside the silo's HTTP pipeline (the dashboard hub, the chat
/// bot): the same <c>AccessPolicy</c> the API uses, one call away. The caller is passed as the credential presents
/// it; the grain judges the account as it is now, so a role removed or an account disabled after the credential was
/// issued counts at once. Keyed by tenant id.
/// </summary>
[Alias("pulse.grain.access-policy")]
public interface IAccessPolicyGrain : IGrainWithStringKey
{
    [Alias("allows")]
    Task<bool> AllowsAsync(Caller caller, Permission permission, string? resource);

    /// <summary>The caller with the roles and employee their account has now; null if the account is gone or disabled.</summary>
    [Alias("resolve")]
    Task<Caller?> ResolveAsync(Caller caller);
}

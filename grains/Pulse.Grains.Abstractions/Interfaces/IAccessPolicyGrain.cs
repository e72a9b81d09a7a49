using Orleans.Concurrency;
using Pulse.Security;

namespace Pulse.Grains;

/// <summary>
/// The authorisation rules for callers that run outside the silo's HTTP pipeline (the dashboard hub, the chat
/// bot): the same <c>AccessPolicy</c> the API uses, one call away. Keyed by tenant id.
/// </summary>
[Alias("pulse.grain.access-policy")]
public interface IAccessPolicyGrain : IGrainWithStringKey
{
    [Alias("allows")]
    Task<bool> AllowsAsync(Caller caller, Permission permission, string? resource);
}

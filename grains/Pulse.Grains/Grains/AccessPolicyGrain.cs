using Orleans.Concurrency;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Grains;

/// <summary>Answers <see cref="AccessPolicy"/> questions for the hub and the bot; stateless, so every silo runs its own.</summary>
[StatelessWorker]
public sealed class AccessPolicyGrain(TenantRulesProvider rulesProvider) : Grain, IAccessPolicyGrain
{
    public async Task<bool> AllowsAsync(Caller caller, Permission permission, string? resource)
    {
        var rules = await rulesProvider.GetAsync(this.GetPrimaryKeyString());
        return rules is not null && AccessPolicy.Allows(caller, permission, resource, rules);
    }
}

using Orleans.Concurrency;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Grains;

/// <summary>
/// Answers <see cref="AccessPolicy"/> questions for the hub and the bot about the caller as their account is now;
/// stateless, so every silo runs its own.
/// </summary>
[StatelessWorker]
public sealed class AccessPolicyGrain(CallerResolver callers) : Grain, IAccessPolicyGrain
{
    public async Task<bool> AllowsAsync(Caller caller, Permission permission, string? resource) =>
        caller.TenantId == this.GetPrimaryKeyString() && await callers.ResolveAsync(caller) is { } context && context.Allows(permission, resource);

    public async Task<Caller?> ResolveAsync(Caller caller) =>
        caller.TenantId == this.GetPrimaryKeyString() ? await callers.CurrentAsync(caller) : null;
}

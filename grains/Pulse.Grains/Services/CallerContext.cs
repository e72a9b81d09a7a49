using Pulse.Organisation;
using Pulse.Security;

namespace Pulse.Services;

/// <summary>
/// One caller resolved once for one request: their account as it is now and their tenant's compiled rules. Every
/// decision of the request (permission, existence, what to show, the audit actor) reads this one object.
/// </summary>
public sealed record CallerContext(Caller Caller, CompiledRules Rules)
{
    public string TenantId => Rules.TenantId;

    public bool Allows(Permission permission, string? resource = null) => AccessPolicy.Allows(Caller, permission, resource, Rules);
}

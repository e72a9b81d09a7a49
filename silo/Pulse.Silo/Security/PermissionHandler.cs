using Microsoft.AspNetCore.Authorization;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Silo.Security;

/// <summary>
/// Decides <see cref="PermissionRequirement"/>s with <see cref="AccessPolicy"/>. It runs in the authorisation
/// middleware, before the request body is even read, so a refused caller learns nothing from validation errors.
/// </summary>
public sealed class PermissionHandler(TenantRulesProvider rulesProvider, AccountCache accounts) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (PulseClaims.ToCaller(context.User) is not { } presented) return;
        if (await accounts.CurrentAsync(presented) is not { } caller) return;
        if (await rulesProvider.GetAsync(caller.TenantId) is not { } rules) return;
        var resource = requirement.RouteValue is null ? null : (context.Resource as HttpContext)?.GetRouteValue(requirement.RouteValue) as string;
        if (AccessPolicy.Allows(caller, requirement.Permission, resource, rules)) context.Succeed(requirement);
    }
}

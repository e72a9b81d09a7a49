using Microsoft.AspNetCore.Authorization;
using Pulse.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Security;

/// <summary>
/// Decides <see cref="PermissionRequirement"/>s with <see cref="AccessPolicy"/> for the request's caller as their
/// account is now (<see cref="PulseRequest"/>, resolved here once and kept for the handler). It runs in the
/// authorisation middleware, before the request body is even read, so a refused caller learns nothing from
/// validation errors.
/// </summary>
public sealed class PermissionHandler(PulseRequestResolver requests) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var request = http is null ? await requests.ResolveAsync(context.User) : await requests.ResolveAsync(http);
        if (request is null) return;
        var resource = requirement.RouteValue is null ? null : http?.GetRouteValue(requirement.RouteValue) as string;
        if (request.Context.Allows(requirement.Permission, resource)) context.Succeed(requirement);
    }
}

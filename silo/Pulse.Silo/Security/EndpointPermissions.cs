using Microsoft.AspNetCore.Authorization;
using Pulse.Security;

namespace Pulse.Silo.Security;

public static class EndpointPermissions
{
    /// <summary>Guards an endpoint with a permission; resource-bound permissions name the route value holding the resource id.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission, string? routeValue = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder(AuthSchemes.Pulse)
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(permission, routeValue))
            .Build());
}

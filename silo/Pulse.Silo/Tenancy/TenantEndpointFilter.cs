using Pulse.Security;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;

namespace Pulse.Silo.Tenancy;

/// <summary>Refuses a credential whose tenant no longer exists, before any handler looks for its data.</summary>
public sealed class TenantEndpointFilter(PulseRequestResolver requests, TenantRulesProvider rules) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // A resolved request has a tenant; only a credential that does not resolve needs the tenant looked up.
        if (PulseClaims.ToCaller(http.User) is { } caller && await requests.ResolveAsync(http) is null && await rules.GetAsync(caller.TenantId) is null)
            return Problem.NotFound($"Tenant '{caller.TenantId}' does not exist.");
        return await next(context);
    }
}

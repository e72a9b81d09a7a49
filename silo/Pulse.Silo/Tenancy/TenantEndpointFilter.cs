using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;

namespace Pulse.Silo.Tenancy;

/// <summary>Refuses a credential whose tenant no longer exists, before any handler looks for its data.</summary>
public sealed class TenantEndpointFilter(TenantRulesProvider rules) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (PulseClaims.ToCaller(context.HttpContext.User) is { } caller && await rules.GetAsync(caller.TenantId) is null)
            return Problem.NotFound($"Tenant '{caller.TenantId}' does not exist.");
        return await next(context);
    }
}

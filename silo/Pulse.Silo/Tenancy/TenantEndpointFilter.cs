using Pulse.Organisation;
using Pulse.Services;
using Pulse.Silo.Problems;

namespace Pulse.Silo.Tenancy;

/// <summary>Resolves the request's tenant and refuses the request, with a problem, when it names none or one that does not exist.</summary>
public sealed class TenantEndpointFilter(TenantRulesProvider rules) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenantId = RequestTenant.Resolve(http);
        if (string.IsNullOrEmpty(tenantId))
            return Problem.Invalid(RequestTenant.Header, "name the tenant in this header");
        if (!Identifiers.IsTenantId(tenantId))
            return Problem.Invalid(RequestTenant.Header, Identifiers.TenantRule);
        if (await rules.GetAsync(tenantId) is null)
            return Problem.NotFound($"Tenant '{tenantId}' does not exist.");
        return await next(context);
    }
}

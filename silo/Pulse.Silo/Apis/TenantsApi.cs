using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

public static class TenantsApi
{
    /// <summary>Creating a tenant addresses no existing tenant, so it sits outside the tenant-scoped group.</summary>
    public static RouteGroupBuilder MapTenantsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tenants").WithTags("Tenants");
        group.MapPost("/", CreateAsync).WithSummary("Create a tenant (one company)");
        return group;
    }

    /// <summary>The addressed tenant's own settings.</summary>
    public static RouteGroupBuilder MapTenantApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tenant").WithTags("Tenants");
        group.MapGet("/", GetAsync).WithSummary("The tenant's settings");
        group.MapPut("/", (RequestTenant tenant, TenantSettings settings, ChangeApplier changes) =>
            changes.ApplyAsync(tenant.Id, g => g.UpdateSettingsAsync(settings))).WithSummary("Change the tenant's settings");
        return group;
    }

    private static async Task<Results<Created<TenantSettings>, ValidationProblem, ProblemHttpResult>> CreateAsync(TenantSettings settings, IGrainFactory grains, TenantRulesProvider rules)
    {
        var errors = TenantSettingsValidator.Validate(settings);
        if (errors.Length > 0) return Problem.Invalid(errors);
        var result = await grains.GetGrain<ITenantGrain>(settings.TenantId).CreateAsync(settings);
        if (!result.Applied) return Problem.Conflict(result.Errors[0].Reason);
        rules.Invalidate(settings.TenantId);
        return TypedResults.Created($"/api/v1/tenant", settings);
    }

    private static async Task<Ok<TenantSettings>> GetAsync(RequestTenant tenant, TenantRulesProvider rules) =>
        TypedResults.Ok((await rules.GetAsync(tenant.Id))!.Rules.Settings);
}

using Pulse.Audit;
using Pulse.Security;
using Pulse.Silo.Security;
using Microsoft.AspNetCore.Authorization;
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
        group.MapPost("/", CreateAsync)
            .WithSummary("Create a tenant (one company) and its first admin")
            .WithDescription("Only the platform operator may, with the X-Operator-Key header (Pulse:OperatorKey).")
            .RequireAuthorization(new AuthorizationPolicyBuilder(AuthSchemes.Pulse, AuthSchemes.Operator).RequireRole(OperatorKeyAuthenticationHandler.Role).Build());
        return group;
    }

    /// <summary>The addressed tenant's own settings.</summary>
    public static RouteGroupBuilder MapTenantApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tenant").WithTags("Tenants");
        group.MapGet("/", (PulseRequest request) => TypedResults.Ok(request.Rules.Rules.Settings)).WithSummary("The tenant's settings").RequirePermission(Permission.TenantRead);
        group.MapPut("/", async (PulseRequest request, TenantSettings settings, OrganisationChanges changes) =>
            (await changes.UpdateSettingsAsync(request.Context, settings)).ToHttp()).WithSummary("Change the tenant's settings").RequirePermission(Permission.TenantWrite);
        return group;
    }

    private static async Task<Results<Created<TenantSettings>, ValidationProblem, ProblemHttpResult>> CreateAsync(NewTenant request, IGrainFactory grains, TenantRulesProvider rules, AuditTrail audit)
    {
        var settings = request.Settings;
        var errors = TenantSettingsValidator.Validate(settings).Concat(CheckFirstAdmin(request.Admin)).ToArray();
        if (errors.Length > 0 || request.Admin is not { } firstAdmin) return Problem.Invalid(errors);
        var result = await grains.GetGrain<ITenantGrain>(settings.TenantId).CreateAsync(settings);
        if (!result.Applied) return Problem.Conflict(result.Errors[0].Reason);
        rules.Invalidate(settings.TenantId);
        var admin = await grains.GetGrain<IAccessGrain>(settings.TenantId).CreateUserAsync(firstAdmin);
        if (!admin.Applied) return Problem.Invalid(admin.Errors.Select(e => e with { Item = $"admin.{e.Item}" }));
        await audit.RecordAsync(settings.TenantId, "operator", "tenant.create", settings.TenantId, null, settings);
        await audit.RecordAsync(settings.TenantId, "operator", "user.create", firstAdmin.UserName, null, new { firstAdmin.UserName, firstAdmin.Roles });
        return TypedResults.Created("/api/v1/tenant", settings);
    }

    /// <summary>Checked before anything is written, so a tenant is never left without its admin.</summary>
    private static List<ValidationError> CheckFirstAdmin(NewUser? admin)
    {
        if (admin is null) return [new ValidationError("admin", "is required: the tenant's first administrator")];
        var errors = new List<ValidationError>();
        if (!UserNames.IsValid(admin.UserName)) errors.Add(new ValidationError("admin.userName", "must be 2–64 characters: lower-case letters, digits, '.', '_', '@', '-'"));
        errors.AddRange(PasswordPolicy.Check(admin.Password, admin.UserName, "admin.password"));
        if (admin.Roles is null || admin.Roles.Length != 1 || admin.Roles[0] != Role.Admin) errors.Add(new ValidationError("admin.roles", "must be exactly [\"admin\"]: there are no employees to link yet"));
        return errors;
    }
}

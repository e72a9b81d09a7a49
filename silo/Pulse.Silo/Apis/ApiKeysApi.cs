using Pulse.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api-keys").WithTags("Users and keys");
        group.MapGet("/", async (PulseRequest tenant, IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<IAccessGrain>(tenant.TenantId).ListApiKeysAsync()))
            .WithSummary("The tenant's API keys (never their secrets), with last-used times").RequirePermission(Permission.KeysManage);
        group.MapPost("/", CreateAsync)
            .WithSummary("Issue an API key for a business system")
            .WithDescription("The token in the answer is shown this once; only its hash is kept. Scopes: events:write, performance:read, organisation:read.")
            .RequirePermission(Permission.KeysManage);
        group.MapDelete("/{keyId}", RevokeAsync).WithSummary("Revoke an API key").RequirePermission(Permission.KeysManage);
        return group;
    }

    private static async Task<Results<Created<IssuedApiKey>, ValidationProblem>> CreateAsync(NewApiKey request, PulseRequest tenant, IGrainFactory grains, AuditTrail audit)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 64) errors.Add(new("name", "is required, at most 64 characters"));
        if (request.Scopes is not { Length: > 0 }) errors.Add(new("scopes", $"name at least one of: {string.Join(", ", ApiKeyScopes.All)}"));
        else errors.AddRange(request.Scopes.Select((s, i) => (s, i)).Where(x => !ApiKeyScopes.All.Contains(x.s)).Select(x => new ValidationError($"scopes[{x.i}]", $"'{x.s}' is not a scope; use {string.Join(", ", ApiKeyScopes.All)}")));
        if (errors.Count > 0 || request.Scopes is not { } scopes) return Problem.Invalid(errors);

        var issued = await grains.GetGrain<IAccessGrain>(tenant.TenantId).CreateApiKeyAsync(request.Name, [.. scopes.Distinct(StringComparer.Ordinal)], tenant.Caller.Name);
        await audit.RecordAsync(tenant.Caller, "api-key.create", issued.Key.KeyId, null, issued.Key);
        return TypedResults.Created($"/api/v1/api-keys/{issued.Key.KeyId}", issued);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string keyId, PulseRequest tenant, IGrainFactory grains, ApiKeyCache cache, AuditTrail audit)
    {
        if (!await grains.GetGrain<IAccessGrain>(tenant.TenantId).RevokeApiKeyAsync(keyId)) return Problem.NotFound($"API key '{keyId}' does not exist.");
        cache.Invalidate(tenant.TenantId, keyId);
        await audit.RecordAsync(tenant.Caller, "api-key.revoke", keyId, null, null);
        return TypedResults.NoContent();
    }
}

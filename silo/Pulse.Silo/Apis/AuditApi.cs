using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Audit;
using Pulse.Security;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/audit").WithTags("Audit");
        group.MapGet("/", QueryAsync)
            .WithSummary("Who changed what, oldest first")
            .WithDescription("Filters: from, to (ISO 8601), actor, action (prefix, e.g. 'employee.'), afterId (page on from the last id seen), limit (≤ 1000).")
            .RequirePermission(Permission.AuditRead);
        group.MapGet("/export", ExportAsync).WithSummary("The audit log as CSV (same filters)").RequirePermission(Permission.AuditRead);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<AuditRecord>>> QueryAsync(PulseRequest tenant, IAuditLog log, DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, long? afterId, int? limit) =>
        TypedResults.Ok(await log.QueryAsync(new AuditQuery(tenant.TenantId, from, to, actor, action, afterId ?? 0, limit ?? 100)));

    private static async Task ExportAsync(HttpContext http, PulseRequest tenant, IAuditLog log, DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{tenant.TenantId}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false));
        await AuditCsv.WriteAsync(log.ReadAllAsync(new AuditQuery(tenant.TenantId, from, to, actor, action, 0, 1000), http.RequestAborted), writer, http.RequestAborted);
    }
}

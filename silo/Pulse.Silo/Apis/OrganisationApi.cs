using Pulse.Security;
using Pulse.Silo.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Organisation;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

public static class OrganisationApi
{
    public static RouteGroupBuilder MapOrganisationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/organisation").WithTags("Organisation");
        group.MapGet("/", ExportAsync).WithSummary("The whole organisation as one document (latest template versions)").RequirePermission(Permission.OrganisationRead);
        group.MapPut("/", (RequestTenant tenant, OrganisationDocument document, ChangeApplier changes) =>
                changes.ApplyAsync(tenant.Caller, g => g.ImportAsync(document)))
            .WithSummary("Import an organisation document")
            .WithDescription("Event types, templates, departments and employees in one request. Items with a known id are replaced, new ones added; the whole document is validated against the result and applied whole or not at all.")
            .RequirePermission(Permission.OrganisationWrite);
        return group;
    }

    public static RouteGroupBuilder MapEventTypesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/event-types").WithTags("Organisation");
        group.MapGet("/", async (RequestTenant tenant, TenantRulesProvider rules) => TypedResults.Ok((await rules.GetAsync(tenant.Id))!.Rules.EventTypes))
            .WithSummary("Registered event types").RequirePermission(Permission.OrganisationRead);
        group.MapPut("/{type}", (string type, RequestTenant tenant, EventTypeDefinition definition, ChangeApplier changes) =>
                changes.ApplyAsync(tenant.Caller, g => g.PutEventTypeAsync(definition with { Type = type })))
            .WithSummary("Register or change an event type and its fields").RequirePermission(Permission.OrganisationWrite);
        return group;
    }

    public static RouteGroupBuilder MapDepartmentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/departments").WithTags("Organisation");
        group.MapGet("/", async (RequestTenant tenant, TenantRulesProvider rules) => TypedResults.Ok((await rules.GetAsync(tenant.Id))!.Rules.Departments))
            .WithSummary("All departments").RequirePermission(Permission.OrganisationRead);
        group.MapGet("/{departmentId}", GetDepartmentAsync).WithSummary("One department").RequirePermission(Permission.OrganisationRead);
        group.MapPut("/{departmentId}", (string departmentId, RequestTenant tenant, Department department, ChangeApplier changes) =>
                changes.ApplyAsync(tenant.Caller, g => g.PutDepartmentAsync(department with { Id = departmentId })))
            .WithSummary("Create or change a department").RequirePermission(Permission.OrganisationWrite);
        return group;
    }

    private static async Task<Ok<OrganisationDocument>> ExportAsync(RequestTenant tenant, TenantRulesProvider rules)
    {
        var current = (await rules.GetAsync(tenant.Id))!.Rules;
        var latest = current.Templates.GroupBy(t => t.Id, StringComparer.Ordinal).Select(g => g.MaxBy(t => t.Version)!).ToArray();
        return TypedResults.Ok(new OrganisationDocument(current.EventTypes, latest, current.Departments, current.Employees));
    }

    private static async Task<Results<Ok<Department>, ProblemHttpResult>> GetDepartmentAsync(string departmentId, RequestTenant tenant, TenantRulesProvider rules) =>
        (await rules.GetAsync(tenant.Id))!.FindDepartment(departmentId) is { } department
            ? TypedResults.Ok(department)
            : Problem.NotFound($"Department '{departmentId}' does not exist.");
}

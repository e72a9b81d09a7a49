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
        group.MapGet("/", Export).WithSummary("The whole organisation as one document (latest template versions)").RequirePermission(Permission.OrganisationRead);
        group.MapPut("/", async (PulseRequest request, OrganisationDocument document, OrganisationChanges changes) =>
                (await changes.ImportAsync(request.Context, document)).ToHttp())
            .WithSummary("Import an organisation document")
            .WithDescription("Event types, templates, departments and employees in one request. Items with a known id are replaced, new ones added; the whole document is validated against the result and applied whole or not at all.")
            .RequirePermission(Permission.OrganisationWrite);
        return group;
    }

    public static RouteGroupBuilder MapEventTypesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/event-types").WithTags("Organisation");
        group.MapGet("/", (PulseRequest request) => TypedResults.Ok(request.Rules.Rules.EventTypes))
            .WithSummary("Registered event types").RequirePermission(Permission.OrganisationRead);
        group.MapPut("/{type}", async (string type, PulseRequest request, EventTypeDefinition definition, OrganisationChanges changes) =>
                (await changes.PutEventTypeAsync(request.Context, definition with { Type = type })).ToHttp())
            .WithSummary("Register or change an event type and its fields").RequirePermission(Permission.OrganisationWrite);
        return group;
    }

    public static RouteGroupBuilder MapDepartmentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/departments").WithTags("Organisation");
        group.MapGet("/", (PulseRequest request) => TypedResults.Ok(request.Rules.Rules.Departments))
            .WithSummary("All departments").RequirePermission(Permission.OrganisationRead);
        group.MapGet("/{departmentId}", GetDepartment).WithSummary("One department").RequirePermission(Permission.OrganisationRead);
        group.MapPut("/{departmentId}", async (string departmentId, PulseRequest request, Department department, OrganisationChanges changes) =>
                (await changes.PutDepartmentAsync(request.Context, department with { Id = departmentId })).ToHttp())
            .WithSummary("Create or change a department").RequirePermission(Permission.OrganisationWrite);
        return group;
    }

    private static Ok<OrganisationDocument> Export(PulseRequest request)
    {
        var current = request.Rules.Rules;
        return TypedResults.Ok(new OrganisationDocument(current.EventTypes, TemplatesApi.LatestVersions(current), current.Departments, current.Employees));
    }

    private static Results<Ok<Department>, ProblemHttpResult> GetDepartment(string departmentId, PulseRequest request) =>
        request.Rules.FindDepartment(departmentId) is { } department
            ? TypedResults.Ok(department)
            : Problem.NotFound($"Department '{departmentId}' does not exist.");
}

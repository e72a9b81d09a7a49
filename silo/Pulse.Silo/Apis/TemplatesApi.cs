using Pulse.Security;
using Pulse.Silo.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Grains;
using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Tenancy;
using Pulse.Templates;

namespace Pulse.Silo.Apis;

public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/templates").WithTags("Templates");
        group.MapGet("/", (PulseRequest request) => TypedResults.Ok(LatestVersions(request.Rules.Rules)))
            .WithSummary("The latest version of each template").RequirePermission(Permission.TemplatesRead);
        group.MapGet("/{templateId}/versions", GetVersions).WithSummary("Every published version of a template").RequirePermission(Permission.TemplatesRead);
        group.MapPut("/{templateId}", async (string templateId, PulseRequest request, KpiTemplate template, OrganisationChanges changes) =>
                (await changes.PublishTemplateAsync(request.Context, template with { Id = templateId })).ToHttp())
            .WithSummary("Publish a new version of a template")
            .WithDescription("The new version governs the open period: the affected employees' scores are recomputed from the event log before this returns; no event needs to be sent again.")
            .RequirePermission(Permission.TemplatesWrite);
        group.MapPost("/validate", Validate).WithSummary("Check a draft template without publishing it").RequirePermission(Permission.TemplatesWrite);
        group.MapPost("/what-if", WhatIfAsync)
            .WithSummary("Score a draft template against a period, changing nothing")
            .WithDescription("Folds the period's events from the log under the draft. Give employeeIds or a departmentId (its members, sub-departments included); neither means every employee the draft's template id is assigned to.")
            .RequirePermission(Permission.TemplatesWrite);
        return group;
    }

    /// <summary>The newest version of each template.</summary>
    public static KpiTemplate[] LatestVersions(Organisation.TenantRules rules) =>
        [.. rules.Templates.GroupBy(t => t.Id, StringComparer.Ordinal).Select(g => g.OrderBy(t => t.Version).Last())];

    private static Results<Ok<KpiTemplate[]>, ProblemHttpResult> GetVersions(string templateId, PulseRequest request)
    {
        var versions = request.Rules.Rules.Templates.Where(t => t.Id == templateId).OrderBy(t => t.Version).ToArray();
        return versions.Length == 0 ? Problem.NotFound($"Template '{templateId}' does not exist.") : TypedResults.Ok(versions);
    }

    private static Results<Ok<TemplateCheck>, ValidationProblem> Validate(PulseRequest request, KpiTemplate template)
    {
        var errors = TemplateValidator.Validate(template, request.Rules.EventTypes, "template");
        return errors.Count > 0 ? Problem.Invalid(errors) : TypedResults.Ok(new TemplateCheck(true));
    }

    private static async Task<Results<Ok<EmployeePerformance[]>, ValidationProblem>> WhatIfAsync(PulseRequest caller, WhatIfRequest request, IGrainFactory grains)
    {
        var rules = caller.Rules;
        var errors = TemplateValidator.Validate(request.Template, rules.EventTypes, "template").ToList();
        if (!PeriodQuery.IsValid(request.Period)) errors.Add(new("period", PeriodQuery.Rule));
        if (request.DepartmentId is not null && rules.FindDepartment(request.DepartmentId) is null) errors.Add(new("departmentId", $"department '{request.DepartmentId}' does not exist"));
        var unknown = (request.EmployeeIds ?? []).Select((id, i) => (id, i)).Where(x => !rules.Employees.ContainsKey(x.id));
        errors.AddRange(unknown.Select(x => new Organisation.ValidationError($"employeeIds[{x.i}]", $"employee '{x.id}' does not exist")));
        if (errors.Count > 0) return Problem.Invalid(errors);

        var employees = request.EmployeeIds is { Length: > 0 } ids ? ids
            : request.DepartmentId is { } departmentId ? [.. rules.MembersOf(departmentId).Select(e => e.Id)]
            : [.. rules.Rules.Employees.Where(e => rules.TemplateIdFor(e.DepartmentId) == request.Template.Id).Select(e => e.Id)];
        return TypedResults.Ok(await grains.GetGrain<IWhatIfGrain>(caller.TenantId).PreviewAsync(request.Template, request.Period, employees));
    }
}

using Pulse.Security;
using Pulse.Silo.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Grains;
using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

public static class PerformanceApi
{
    public static IEndpointRouteBuilder MapPerformanceApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/employees/{employeeId}/performance", GetEmployeeAsync).WithTags("Performance")
            .WithSummary("An employee's live scores (open period) or a past period's (?period=yyyy-MM)")
            .RequirePermission(Permission.EmployeePerformanceRead, "employeeId");
        routes.MapGet("/employees/{employeeId}/alerts", GetAlertsAsync).WithTags("Performance")
            .WithSummary("An employee's alert crossings, newest first")
            .RequirePermission(Permission.EmployeePerformanceRead, "employeeId");
        routes.MapGet("/departments/{departmentId}/performance", GetDepartmentAsync).WithTags("Performance")
            .WithSummary("Live aggregates of a department and its sub-departments")
            .RequirePermission(Permission.DepartmentPerformanceRead, "departmentId");
        routes.MapGet("/overview", (RequestTenant tenant, TenantOverview overview) => overview.GetAsync(tenant.Id)).WithTags("Performance")
            .WithSummary("Live aggregates of the whole tenant").RequirePermission(Permission.OverviewRead);
        return routes;
    }

    private static async Task<Results<Ok<EmployeePerformance>, ValidationProblem, ProblemHttpResult>> GetEmployeeAsync(
        string employeeId, string? period, RequestTenant tenant, TenantRulesProvider rules, IGrainFactory grains)
    {
        if (period is not null && !PeriodQuery.IsValid(period)) return Problem.Invalid("period", PeriodQuery.Rule);
        var compiled = (await rules.GetAsync(tenant.Id))!;
        if (!compiled.Employees.TryGetValue(employeeId, out var employee)) return Problem.NotFound($"Employee '{employeeId}' does not exist.");
        if (compiled.TemplateIdFor(employee.DepartmentId) is null) return Problem.NotFound($"No KPI template is assigned to department '{employee.DepartmentId}' or above it.");
        var performance = await grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenant.Id, employeeId)).GetPerformanceAsync(period);
        return performance is null ? Problem.NotFound($"No scores for employee '{employeeId}'.") : TypedResults.Ok(performance);
    }

    private static async Task<Results<Ok<AlertRecord[]>, ProblemHttpResult>> GetAlertsAsync(string employeeId, int? limit, RequestTenant tenant, TenantRulesProvider rules, IGrainFactory grains)
    {
        if (!(await rules.GetAsync(tenant.Id))!.Employees.ContainsKey(employeeId)) return Problem.NotFound($"Employee '{employeeId}' does not exist.");
        return TypedResults.Ok(await grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenant.Id, employeeId)).GetAlertsAsync(limit ?? 50));
    }

    private static async Task<Results<Ok<DepartmentPerformance>, ProblemHttpResult>> GetDepartmentAsync(string departmentId, RequestTenant tenant, TenantRulesProvider rules, IGrainFactory grains)
    {
        if ((await rules.GetAsync(tenant.Id))!.FindDepartment(departmentId) is null) return Problem.NotFound($"Department '{departmentId}' does not exist.");
        return TypedResults.Ok(await grains.GetGrain<IDepartmentGrain>(GrainKeys.For(tenant.Id, departmentId)).GetPerformanceAsync());
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Performance;
using Pulse.Security;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

/// <summary>Performance reads: each asks <see cref="PerformanceReader"/>, the service the hub and the bot ask too.</summary>
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
            .WithSummary("Aggregates of a department and its sub-departments: live (open period) or a past period's (?period=yyyy-MM)")
            .WithDescription("A past period is folded from the members' events in the log. membersWithData counts members with events in the period; 0 means the period has no data.")
            .RequirePermission(Permission.DepartmentPerformanceRead, "departmentId");
        routes.MapGet("/departments/{departmentId}/team", GetTeamAsync).WithTags("Performance")
            .WithSummary("Every active member of a department and its sub-departments with their scores: live (open period) or a past period's (?period=yyyy-MM)")
            .RequirePermission(Permission.DepartmentPerformanceRead, "departmentId");
        routes.MapGet("/overview", GetOverviewAsync).WithTags("Performance")
            .WithSummary("Aggregates of the whole tenant: live (open period) or a past period's (?period=yyyy-MM)")
            .WithDescription("membersWithData counts employees with events in the period; 0 means the period has no data.")
            .RequirePermission(Permission.OverviewRead);
        return routes;
    }

    private static async Task<Results<Ok<EmployeePerformance>, ValidationProblem, ProblemHttpResult>> GetEmployeeAsync(
        string employeeId, string? period, PulseRequest request, PerformanceReader reader) =>
        (await reader.GetEmployeeAsync(request.Context, employeeId, period)).ToHttp();

    private static async Task<Results<Ok<AlertRecord[]>, ValidationProblem, ProblemHttpResult>> GetAlertsAsync(
        string employeeId, int? limit, PulseRequest request, PerformanceReader reader) =>
        (await reader.GetAlertsAsync(request.Context, employeeId, limit ?? 50)).ToHttp();

    private static async Task<Results<Ok<DepartmentPerformance>, ValidationProblem, ProblemHttpResult>> GetDepartmentAsync(
        string departmentId, string? period, PulseRequest request, PerformanceReader reader) =>
        (await reader.GetDepartmentAsync(request.Context, departmentId, period)).ToHttp();

    private static async Task<Results<Ok<TeamMember[]>, ValidationProblem, ProblemHttpResult>> GetTeamAsync(
        string departmentId, string? period, PulseRequest request, PerformanceReader reader) =>
        (await reader.GetTeamAsync(request.Context, departmentId, period)).ToHttp();

    private static async Task<Results<Ok<DepartmentPerformance>, ValidationProblem, ProblemHttpResult>> GetOverviewAsync(
        string? period, PulseRequest request, PerformanceReader reader) =>
        (await reader.GetOverviewAsync(request.Context, period)).ToHttp();
}

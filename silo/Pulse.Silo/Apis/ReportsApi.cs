using Pulse.Reviews;
using Pulse.Security;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

/// <summary>
/// The review's reports, read from the results archive (and the live month where it lies in range): JSON by default,
/// <c>?format=csv|xlsx</c> downloads. Who may read each is checked by <see cref="ReviewReports"/> against the caller.
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/departments/{departmentId}/trend", TrendAsync)
            .WithSummary("A department's results month over month (?from=yyyy-MM&to=yyyy-MM, at most 36 months; sub-departments included; the open month live)")
            .RequirePermission(Permission.DepartmentPerformanceRead, "departmentId");
        group.MapGet("/distribution", DistributionAsync)
            .WithSummary("A month's composites in bands of ten with the top 20% and bottom 10% (?period=yyyy-MM, optional &departmentId=)")
            .WithDescription("Without departmentId the whole tenant (HR); with it the department and below (its managers and HR).")
            .RequirePermission(Permission.TenantRead);
        group.MapGet("/employees/{employeeId}/improvement", ImprovementAsync)
            .WithSummary("A person's month against their department's average and their own last six months (?period=yyyy-MM)")
            .RequirePermission(Permission.EmployeePerformanceRead, "employeeId");
        group.MapGet("/payroll", PayrollAsync)
            .WithSummary("The month's performance pay by department and grade (?period=yyyy-MM)")
            .RequirePermission(Permission.ReviewManage);
        return group;
    }

    private static async Task<IResult> TrendAsync(string departmentId, string? from, string? to, string? format, PulseRequest request, ReviewReports reports, CancellationToken cancellationToken) =>
        Answer(format, await reports.TrendAsync(request.Context, departmentId, from, to, cancellationToken), r => ($"trend-{departmentId}-{r.From}-{r.To}", ReportExport.Rows(r)));

    private static async Task<IResult> DistributionAsync(string? period, string? departmentId, string? format, PulseRequest request, ReviewReports reports, CancellationToken cancellationToken) =>
        Answer(format, await reports.DistributionAsync(request.Context, period, departmentId, cancellationToken), r => ($"distribution-{r.Period}", ReportExport.Rows(r)));

    private static async Task<IResult> ImprovementAsync(string employeeId, string? period, string? format, PulseRequest request, ReviewReports reports, CancellationToken cancellationToken) =>
        Answer(format, await reports.ImprovementAsync(request.Context, employeeId, period, cancellationToken), r => ($"improvement-{r.EmployeeId}-{r.Period}", ReportExport.Rows(r)));

    private static async Task<IResult> PayrollAsync(string? period, string? format, PulseRequest request, ReviewReports reports, CancellationToken cancellationToken) =>
        Answer(format, await reports.PayrollAsync(request.Context, period, cancellationToken), r => ($"payroll-{r.Period}", ReportExport.Rows(r)));

    private static IResult Answer<T>(string? format, Answer<T> answer, Func<T, (string Name, IEnumerable<Dictionary<string, object?>> Rows)> table)
    {
        if (answer.Status == AnswerStatus.Forbidden) return answer.ToHttp();
        if (!ReportExport.IsKnown(format)) return Problem.Invalid("format", "must be json, csv or xlsx");
        if (format is null or "json" || answer is not { Status: AnswerStatus.Ok, Value: { } value }) return answer.ToHttp();
        var (name, rows) = table(value);
        return ReportExport.File(format, name, rows);
    }
}

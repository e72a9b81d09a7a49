using Pulse.Security;
using Pulse.Silo.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Organisation;
using Pulse.Services;
using Pulse.Silo.Problems;
using Pulse.Silo.Tenancy;

namespace Pulse.Silo.Apis;

public static class EmployeesApi
{
    public static RouteGroupBuilder MapEmployeesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/employees").WithTags("Organisation");
        group.MapGet("/", (PulseRequest request) => TypedResults.Ok(request.Rules.Rules.Employees))
            .WithSummary("All employees").RequirePermission(Permission.OrganisationRead);
        group.MapGet("/{employeeId}", Get).WithSummary("One employee").RequirePermission(Permission.OrganisationRead);
        group.MapPut("/{employeeId}", async (string employeeId, PulseRequest request, Employee employee, OrganisationChanges changes) =>
                (await changes.PutEmployeesAsync(request.Context, [employee with { Id = employeeId }])).ToHttp())
            .WithSummary("Create or change an employee").RequirePermission(Permission.OrganisationWrite);
        group.MapPost("/import", ImportCsvAsync)
            .WithSummary("Import employees from CSV")
            .WithDescription("Columns: id,name,departmentId,title,performancePayBase,active (header row required). All rows are checked; if any row is wrong nothing is imported and the problem lists each row (rows[line].column) with its reason.")
            .Accepts<string>("text/csv")
            .RequirePermission(Permission.OrganisationWrite);
        return group;
    }

    private static Results<Ok<Employee>, ProblemHttpResult> Get(string employeeId, PulseRequest request) =>
        request.Rules.Employees.TryGetValue(employeeId, out var employee)
            ? TypedResults.Ok(employee)
            : Problem.NotFound($"Employee '{employeeId}' does not exist.");

    private static async Task<Results<Ok<ChangeSummary>, ValidationProblem, ProblemHttpResult>> ImportCsvAsync(HttpRequest http, PulseRequest request, OrganisationChanges changes, CancellationToken cancellationToken)
    {
        var (employees, lines, errors) = await EmployeeCsv.ReadAsync(http.Body, cancellationToken);
        if (errors.Count > 0) return Problem.Invalid(errors);
        var answer = await changes.PutEmployeesAsync(request.Context, [.. employees]);
        // Name the CSV line rather than the position in the parsed list.
        return answer.Status == AnswerStatus.Invalid
            ? Problem.Invalid(answer.Errors.Select(e => e with { Item = EmployeeCsv.ToLine(e.Item, lines) }))
            : answer.ToHttp();
    }
}

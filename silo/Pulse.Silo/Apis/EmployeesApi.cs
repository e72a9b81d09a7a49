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
        group.MapGet("/", async (RequestTenant tenant, TenantRulesProvider rules) => TypedResults.Ok((await rules.GetAsync(tenant.Id))!.Rules.Employees))
            .WithSummary("All employees").RequirePermission(Permission.OrganisationRead);
        group.MapGet("/{employeeId}", GetAsync).WithSummary("One employee").RequirePermission(Permission.OrganisationRead);
        group.MapPut("/{employeeId}", (string employeeId, RequestTenant tenant, Employee employee, ChangeApplier changes) =>
                changes.ApplyAsync(tenant.Caller, g => g.PutEmployeesAsync([employee with { Id = employeeId }])))
            .WithSummary("Create or change an employee").RequirePermission(Permission.OrganisationWrite);
        group.MapPost("/import", ImportCsvAsync)
            .WithSummary("Import employees from CSV")
            .WithDescription("Columns: id,name,departmentId,title,performancePayBase,active (header row required). All rows are checked; if any row is wrong nothing is imported and the problem lists each row (rows[line].column) with its reason.")
            .Accepts<string>("text/csv")
            .RequirePermission(Permission.OrganisationWrite);
        return group;
    }

    private static async Task<Results<Ok<Employee>, ProblemHttpResult>> GetAsync(string employeeId, RequestTenant tenant, TenantRulesProvider rules) =>
        (await rules.GetAsync(tenant.Id))!.Employees.TryGetValue(employeeId, out var employee)
            ? TypedResults.Ok(employee)
            : Problem.NotFound($"Employee '{employeeId}' does not exist.");

    private static async Task<Results<Ok<ChangeSummary>, ValidationProblem>> ImportCsvAsync(HttpRequest request, RequestTenant tenant, ChangeApplier changes, CancellationToken cancellationToken)
    {
        var (employees, lines, errors) = await EmployeeCsv.ReadAsync(request.Body, cancellationToken);
        if (errors.Count > 0) return Problem.Invalid(errors);
        var result = await changes.ApplyAsync(tenant.Caller, g => g.PutEmployeesAsync([.. employees]));
        if (result.Result is ValidationProblem problem)
        {
            // Name the CSV line rather than the position in the parsed list.
            return Problem.Invalid(problem.ProblemDetails.Errors.SelectMany(kv => kv.Value.Select(reason => new ValidationError(EmployeeCsv.ToLine(kv.Key, lines), reason))));
        }
        return result;
    }
}

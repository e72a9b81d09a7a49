using Pulse.Organisation;

namespace Pulse.DashboardBench;

/// <summary>Spreads the connections over the departments (round-robin) and, one in N, over single employees.</summary>
public static class WatchPlan
{
    public static WatchScope[] Spread(int connections, int employeeEvery, OrganisationDocument organisation, IReadOnlyDictionary<string, int> employeeIndex)
    {
        var departments = organisation.Departments!;
        var employees = organisation.Employees!;
        var parents = departments.ToDictionary(d => d.Id, d => d.ParentId, StringComparer.Ordinal);
        var members = departments.ToDictionary(
            d => d.Id,
            d => employees.Where(e => IsWithin(e.DepartmentId, d.Id, parents)).Select(e => employeeIndex[e.Id]).ToArray(),
            StringComparer.Ordinal);

        var scopes = new WatchScope[connections];
        var departmentTurn = 0;
        var employeeTurn = 0;
        for (var i = 0; i < connections; i++)
        {
            if (employeeEvery > 0 && i % employeeEvery == employeeEvery - 1)
            {
                // Spread over the staff with a stride, so employee watchers land in every department.
                var employee = employees[(employeeTurn++ * 37) % employees.Length];
                scopes[i] = new WatchScope("watchEmployee", employee.Id, HubAccounts.Hr, [employeeIndex[employee.Id]]);
                continue;
            }
            var department = departments[departmentTurn++ % departments.Length];
            var user = department.ManagerIds is [_, ..] ? HubAccounts.ManagerOf(department) : HubAccounts.Hr;
            scopes[i] = new WatchScope("watchDepartment", department.Id, user, members[department.Id]);
        }
        return scopes;
    }

    private static bool IsWithin(string departmentId, string ancestorId, IReadOnlyDictionary<string, string?> parents)
    {
        for (string? at = departmentId; at is not null; at = parents.GetValueOrDefault(at))
        {
            if (at == ancestorId) return true;
        }
        return false;
    }
}

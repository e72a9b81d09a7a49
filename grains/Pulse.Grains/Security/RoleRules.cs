using Pulse.Organisation;

namespace Pulse.Security;

/// <summary>
/// What a set of roles needs. Employees and managers must be linked to an employee: an employee sees that
/// employee's results, and a manager's scope follows the departments that list that employee as a manager.
/// </summary>
public static class RoleRules
{
    public static bool NeedsEmployee(IEnumerable<Role> roles) => roles.Any(r => r is Role.Employee or Role.Manager);

    /// <summary>Adds the reasons the roles and link are refused; whether the employee exists is the caller's check.</summary>
    public static void Check(Role[]? roles, string? employeeId, ValidationErrors errors)
    {
        if (roles is null || roles.Length == 0)
        {
            errors.Add("roles", "at least one role is required");
            return;
        }
        for (var i = 0; i < roles.Length; i++)
            if (!Enum.IsDefined(roles[i])) errors.Add($"roles[{i}]", "is not a role");
        if (employeeId is null && NeedsEmployee(roles)) errors.Add("employeeId", "is required for the Employee and Manager roles");
    }

    /// <summary>The roles as stored: each once, in a fixed order, so that comparing two sets is comparing arrays.</summary>
    public static Role[] Normalise(Role[] roles) => [.. roles.Distinct().Order()];
}

using Pulse.Organisation;

namespace Pulse.Security;

/// <summary>
/// Invariant 5 in one place: who may do what. An employee sees themself; a manager the departments they manage
/// and everything below them; HR the whole tenant; an admin the tenant's settings, users and keys (and reads the
/// organisation and its templates); an integration
/// key what its scopes say. A caller of another tenant is refused everything. A resource outside the caller's
/// scope is refused whether or not it exists, so a refusal reveals nothing.
/// </summary>
public static class AccessPolicy
{
    public static bool Allows(Caller caller, Permission permission, string? resource, CompiledRules rules)
    {
        if (caller.TenantId != rules.TenantId) return false;
        return permission switch
        {
            Permission.Self => caller.Kind == CallerKind.User,
            Permission.TenantRead => caller.Kind == CallerKind.User || caller.HasScope(ApiKeyScopes.OrganisationRead),
            Permission.TenantWrite => caller.Has(Role.Admin),
            Permission.OrganisationRead => caller.Has(Role.Hr) || caller.Has(Role.Admin) || caller.HasScope(ApiKeyScopes.OrganisationRead),
            Permission.OrganisationWrite => caller.Has(Role.Hr),
            Permission.TemplatesRead => caller.Has(Role.Hr) || caller.Has(Role.Admin) || caller.HasScope(ApiKeyScopes.OrganisationRead),
            Permission.TemplatesWrite => caller.Has(Role.Hr),
            Permission.EventsWrite => caller.HasScope(ApiKeyScopes.EventsWrite),
            Permission.EmployeePerformanceRead => resource is not null && CanSeeEmployee(caller, resource, rules),
            Permission.DepartmentPerformanceRead => resource is not null && CanSeeDepartment(caller, resource, rules),
            Permission.OverviewRead => caller.Has(Role.Hr) || caller.HasScope(ApiKeyScopes.PerformanceRead),
            Permission.UsersManage or Permission.KeysManage or Permission.WebhooksManage => caller.Has(Role.Admin),
            Permission.AuditRead => caller.Has(Role.Hr) || caller.Has(Role.Admin),
            Permission.FeedbackGive => resource is not null && CanGiveFeedback(caller, resource, rules),
            Permission.ReviewRate => resource is not null && CanRate(caller, resource, rules),
            Permission.ReviewManage => caller.Has(Role.Hr),
            _ => false,
        };
    }

    private static bool CanSeeEmployee(Caller caller, string employeeId, CompiledRules rules)
    {
        if (caller.Has(Role.Hr) || caller.HasScope(ApiKeyScopes.PerformanceRead)) return true;
        if (caller.Has(Role.Employee) && caller.EmployeeId == employeeId) return true;
        return caller.Has(Role.Manager) && caller.EmployeeId is { } manager
            && rules.Employees.TryGetValue(employeeId, out var employee)
            && rules.ManagedDepartments(manager).Contains(employee.DepartmentId);
    }

    /// <summary>A person gives feedback, never a key; HR anyone, a manager those in the departments they manage; nobody themself.</summary>
    private static bool CanGiveFeedback(Caller caller, string employeeId, CompiledRules rules)
    {
        if (caller.Kind != CallerKind.User || caller.EmployeeId == employeeId) return false;
        if (caller.Has(Role.Hr)) return true;
        return caller.Has(Role.Manager) && caller.EmployeeId is { } manager
            && rules.Employees.TryGetValue(employeeId, out var employee)
            && rules.ManagedDepartments(manager).Contains(employee.DepartmentId);
    }

    /// <summary>
    /// A manager rates the people of the departments they manage; HR rates exactly those with no manager above them
    /// (<see cref="CompiledRules.IsRatedByHr"/>) and otherwise calibrates rather than rates; nobody rates themself.
    /// </summary>
    private static bool CanRate(Caller caller, string employeeId, CompiledRules rules)
    {
        if (caller.Kind != CallerKind.User || caller.EmployeeId == employeeId || !rules.Employees.TryGetValue(employeeId, out var employee)) return false;
        if (caller.Has(Role.Manager) && caller.EmployeeId is { } manager && rules.ManagedDepartments(manager).Contains(employee.DepartmentId)) return true;
        return caller.Has(Role.Hr) && rules.IsRatedByHr(employeeId);
    }

    private static bool CanSeeDepartment(Caller caller, string departmentId, CompiledRules rules)
    {
        if (caller.Has(Role.Hr) || caller.HasScope(ApiKeyScopes.PerformanceRead)) return true;
        return caller.Has(Role.Manager) && caller.EmployeeId is { } manager && rules.ManagedDepartments(manager).Contains(departmentId);
    }
}

using Pulse.Security;

namespace Pulse.Silo.Apis;

/// <summary>
/// The signed-in caller and the departments they manage; <see cref="DepartmentNames"/> names those departments, so a
/// manager's dashboard can title their team without reading the whole organisation (which is HR's).
/// </summary>
public sealed record Me(string TenantId, string Name, CallerKind Kind, Role[] Roles, string? EmployeeId, string[] Scopes, string[] ManagedDepartments, Dictionary<string, string> DepartmentNames);

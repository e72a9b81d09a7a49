using Pulse.Security;

namespace Pulse.Silo.Apis;

/// <summary>The signed-in caller and the departments they manage.</summary>
public sealed record Me(string TenantId, string Name, CallerKind Kind, Role[] Roles, string? EmployeeId, string[] Scopes, string[] ManagedDepartments);

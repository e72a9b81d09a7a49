using Pulse.Live;

namespace Pulse.WebDashboard.Hub;

/// <summary>
/// The SignalR groups: one per tenant, department and employee, each named with its tenant so nothing crosses
/// tenants; and which groups each kind of live change goes to.
/// </summary>
public static class GroupNames
{
    public static string Tenant(string tenantId) => $"tenant:{tenantId}";

    public static string Department(string tenantId, string departmentId) => $"department:{tenantId}/{departmentId}";

    public static string Employee(string tenantId, string employeeId) => $"employee:{tenantId}/{employeeId}";

    /// <summary>The employee's group, each of their departments' and the tenant's.</summary>
    public static IEnumerable<string> For(LiveAlert alert) =>
        alert.DepartmentIds.Select(d => Department(alert.Alert.TenantId, d))
            .Prepend(Employee(alert.Alert.TenantId, alert.Alert.EmployeeId))
            .Append(Tenant(alert.Alert.TenantId));

    /// <summary>The employee's group and each of their departments'.</summary>
    public static IEnumerable<string> For(LiveFeedback feedback) =>
        feedback.DepartmentIds.Select(d => Department(feedback.TenantId, d)).Prepend(Employee(feedback.TenantId, feedback.Item.EmployeeId));
}

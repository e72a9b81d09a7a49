using Pulse.Performance;

namespace Pulse.WebDashboard.Hub;

/// <summary>What <c>watchTenant</c> answers: every department the caller may read and the tenant's overview, open period.</summary>
public sealed record TenantSnapshot(DepartmentPerformance[] Departments, DepartmentPerformance Overview, DateTimeOffset AsOf);

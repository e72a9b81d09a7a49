using Pulse.Performance;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Grains;

/// <summary>
/// Performance as one caller may see it, for callers outside the silo's HTTP pipeline (the dashboard hub, the chat
/// bot): the same service and rules the API uses. The caller is passed as the credential presents it and judged by
/// their account as it is now. Keyed by tenant id; a stateless worker, so each silo answers locally.
/// </summary>
[Alias("pulse.grain.performance")]
public interface IPerformanceGrain : IGrainWithStringKey
{
    /// <summary>An employee's scores for a period (<c>yyyy-MM</c>); null means the open period.</summary>
    [Alias("employee")]
    Task<Answer<EmployeePerformance>> GetEmployeeAsync(Caller caller, string employeeId, string? period);

    /// <summary>An employee's alert crossings, newest first.</summary>
    [Alias("alerts")]
    Task<Answer<AlertRecord[]>> GetAlertsAsync(Caller caller, string employeeId, int limit);

    /// <summary>A department's aggregates, sub-departments included, for a period; null means the open period.</summary>
    [Alias("department")]
    Task<Answer<DepartmentPerformance>> GetDepartmentAsync(Caller caller, string departmentId, string? period);

    /// <summary>The whole tenant's aggregates for a period; null means the open period.</summary>
    [Alias("overview")]
    Task<Answer<DepartmentPerformance>> GetOverviewAsync(Caller caller, string? period);

    /// <summary>Every member of a department and its sub-departments with their scores for a period; null means the open period.</summary>
    [Alias("team")]
    Task<Answer<TeamMember[]>> GetTeamAsync(Caller caller, string departmentId, string? period);

    /// <summary>The aggregates of every department the caller may read, for a period; null means the open period.</summary>
    [Alias("departments")]
    Task<Answer<DepartmentPerformance[]>> GetDepartmentsAsync(Caller caller, string? period);
}

using Orleans.Concurrency;
using Pulse.Performance;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Grains;

/// <summary>
/// The door to <see cref="PerformanceReader"/> for the dashboard hub and the chat bot: resolves the presented caller
/// (their account as it is now, their tenant's rules), then asks the same reader the API asks.
/// </summary>
[StatelessWorker]
public sealed class PerformanceGrain(CallerResolver callers, PerformanceReader reader) : Grain, IPerformanceGrain
{
    public async Task<Answer<EmployeePerformance>> GetEmployeeAsync(Caller caller, string employeeId, string? period) =>
        await ResolveAsync(caller) is { } context ? await reader.GetEmployeeAsync(context, employeeId, period) : Answers.Forbidden<EmployeePerformance>();

    public async Task<Answer<AlertRecord[]>> GetAlertsAsync(Caller caller, string employeeId, int limit) =>
        await ResolveAsync(caller) is { } context ? await reader.GetAlertsAsync(context, employeeId, limit) : Answers.Forbidden<AlertRecord[]>();

    public async Task<Answer<DepartmentPerformance>> GetDepartmentAsync(Caller caller, string departmentId, string? period) =>
        await ResolveAsync(caller) is { } context ? await reader.GetDepartmentAsync(context, departmentId, period) : Answers.Forbidden<DepartmentPerformance>();

    public async Task<Answer<DepartmentPerformance>> GetOverviewAsync(Caller caller, string? period) =>
        await ResolveAsync(caller) is { } context ? await reader.GetOverviewAsync(context, period) : Answers.Forbidden<DepartmentPerformance>();

    public async Task<Answer<TeamMember[]>> GetTeamAsync(Caller caller, string departmentId, string? period) =>
        await ResolveAsync(caller) is { } context ? await reader.GetTeamAsync(context, departmentId, period) : Answers.Forbidden<TeamMember[]>();

    public async Task<Answer<DepartmentPerformance[]>> GetDepartmentsAsync(Caller caller, string? period) =>
        await ResolveAsync(caller) is { } context ? await reader.GetDepartmentsAsync(context, period) : Answers.Forbidden<DepartmentPerformance[]>();

    /// <summary>Null for a gone or disabled account, and for a caller of another tenant than this grain's.</summary>
    private async ValueTask<CallerContext?> ResolveAsync(Caller caller) =>
        caller.TenantId == this.GetPrimaryKeyString() ? await callers.ResolveAsync(caller) : null;
}

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Performance;

namespace Pulse.WebDashboard.Hub;

/// <summary>
/// This process's receiver of the live feed: it pushes each change to the SignalR groups that want it and have members
/// here: an employee's full scorecard to their own group, a compact <see cref="TeamRow"/> to their departments' groups
/// (a department's watchers get every member's row, so the row carries only what the team table shows). Score lines
/// are coalesced per group (<see cref="GroupPushBuffer"/>); alerts and feedback go out at once.
/// Every silo's feed reaches every broadcaster, so a client on any silo sees every change.
/// </summary>
public sealed partial class DashboardBroadcaster(
    IHubContext<DashboardHub, IDashboardClient> hub,
    DashboardGroups groups,
    IOptions<DashboardOptions> options,
    TimeProvider clock,
    ILogger<DashboardBroadcaster> logger) : ILiveFeedObserver
{
    private readonly ConcurrentDictionary<string, GroupPushBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<EmployeeLine, TeamRow> _rows = new();

    public Task OnBatchAsync(LiveBatch batch)
    {
        foreach (var line in batch.Employees)
        {
            // The full scorecard to the employee's own group; a compact team row to each department whose view includes them.
            var own = GroupNames.Employee(line.TenantId, line.EmployeeId);
            if (groups.HasMembers(own)) Buffer(own, departmentId: null).Add(line);
            foreach (var departmentId in line.DepartmentIds)
            {
                var group = GroupNames.Department(line.TenantId, departmentId);
                if (groups.HasMembers(group)) Buffer(group, departmentId).Add(line);
            }
        }
        foreach (var line in batch.Departments)
        {
            var department = GroupNames.Department(line.TenantId, line.Performance.DepartmentId);
            if (groups.HasMembers(department)) Buffer(department, line.Performance.DepartmentId).Add(line.Performance);
            var tenant = GroupNames.Tenant(line.TenantId);
            if (groups.HasMembers(tenant)) Buffer(tenant, departmentId: null).Add(line.Performance);
        }
        foreach (var alert in batch.Alerts)
        {
            _ = SendAsync(GroupNames.For(alert), clients => clients.alertRaised(alert));
        }
        foreach (var feedback in batch.Feedback)
        {
            _ = SendAsync(GroupNames.For(feedback), clients => clients.feedbackChanged(feedback));
        }
        return Task.CompletedTask;
    }

    /// <summary>Drops what waits for a group that has no members here any more: nobody is left to receive it.</summary>
    public void Forget(string group)
    {
        if (!groups.HasMembers(group)) _buffers.TryRemove(group, out _);
    }

    /// <summary>The group's buffer; <paramref name="departmentId"/> names the department of a department's group (its members get team rows).</summary>
    private GroupPushBuffer Buffer(string group, string? departmentId) =>
        _buffers.GetOrAdd(group, g => new GroupPushBuffer(options.Value.PushInterval, clock, (employees, departments) => PushAsync(g, departmentId, employees, departments)));

    private async Task PushAsync(string group, string? departmentId, EmployeeLine[] employees, DepartmentPerformance[] departments)
    {
        try
        {
            var clients = hub.Clients.Group(group);
            if (employees.Length > 0 && departmentId is null) await clients.employeesChanged(employees);
            if (employees.Length > 0 && departmentId is not null) await clients.teamChanged(new TeamDelta(departmentId, [.. employees.Select(RowOf)]));
            if (departments.Length > 0) await clients.departmentsChanged(departments);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogPushFailed(logger, e, employees.Length + departments.Length);
        }
        finally
        {
            // A group whose last member left needs no buffer; one that gets members again gets a new one.
            Forget(group);
        }
    }

    /// <summary>A line's team row, made once however many department groups it goes to (a member is in their department's and every ancestor's).</summary>
    private TeamRow RowOf(EmployeeLine line) => _rows.GetValue(line, static l => TeamRow.From(l));

    private async Task SendAsync(IEnumerable<string> targets, Func<IDashboardClient, Task> send)
    {
        var present = targets.Where(groups.HasMembers).ToArray();
        if (present.Length == 0) return;
        try
        {
            await send(hub.Clients.Groups(present));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogPushFailed(logger, e, 1);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dashboard push of {Count} changes failed; the group's clients resynchronise on their next watch.")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, int count);
}

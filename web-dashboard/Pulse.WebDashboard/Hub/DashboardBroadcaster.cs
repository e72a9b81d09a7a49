using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Performance;

namespace Pulse.WebDashboard.Hub;

/// <summary>
/// This process's receiver of the live feed: it pushes each change to the SignalR groups that want it and have members
/// here. Score lines are coalesced per group (<see cref="GroupPushBuffer"/>); alerts and feedback go out at once.
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

    public Task OnBatchAsync(LiveBatch batch)
    {
        foreach (var line in batch.Employees)
        {
            foreach (var group in GroupNames.For(line))
            {
                if (groups.HasMembers(group)) Buffer(group).Add(line);
            }
        }
        foreach (var line in batch.Departments)
        {
            foreach (var group in GroupNames.For(line))
            {
                if (groups.HasMembers(group)) Buffer(group).Add(line.Performance);
            }
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

    private GroupPushBuffer Buffer(string group) =>
        _buffers.GetOrAdd(group, g => new GroupPushBuffer(options.Value.PushInterval, clock, (employees, departments) => PushAsync(g, employees, departments)));

    private async Task PushAsync(string group, EmployeeLine[] employees, DepartmentPerformance[] departments)
    {
        try
        {
            var clients = hub.Clients.Group(group);
            if (employees.Length > 0) await clients.employeesChanged(employees);
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

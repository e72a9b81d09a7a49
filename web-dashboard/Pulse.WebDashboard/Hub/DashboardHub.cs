using Microsoft.AspNetCore.SignalR;
using Pulse.Grains;
using Pulse.Security;

namespace Pulse.WebDashboard.Hub;

/// <summary>
/// The live dashboard at <c>/hubs/dashboard</c>: a client watches a scope, gets its snapshot (open period) and from
/// then on the changes pushed to the scope's group. Every read goes through the service grains with the caller from
/// the credential, so the hub allows exactly what the API allows; a connection joins a group only after a read of
/// that scope succeeded. Groups do not survive a new connection: a reconnecting client watches again.
/// </summary>
public sealed class DashboardHub(IGrainFactory grains, DashboardGroups groups, DashboardBroadcaster broadcaster, TimeProvider clock) : Hub<IDashboardClient>
{
    /// <summary>The longest identifier the organisation accepts.</summary>
    private const int MaxIdLength = 64;

    /// <summary>Alert crossings in an employee's snapshot, newest first.</summary>
    private const int SnapshotAlerts = 50;

    public async Task<TenantSnapshot> WatchTenant()
    {
        var caller = Caller();
        var performance = grains.GetGrain<IPerformanceGrain>(caller.TenantId);
        return await WatchAsync(
            GroupNames.Tenant(caller.TenantId),
            async () => (await performance.GetOverviewAsync(caller, null)).ValueOrThrow(),
            async () => new TenantSnapshot(
                (await performance.GetDepartmentsAsync(caller, null)).ValueOrThrow(),
                (await performance.GetOverviewAsync(caller, null)).ValueOrThrow(),
                clock.GetUtcNow()));
    }

    public async Task<DepartmentSnapshot> WatchDepartment(string departmentId)
    {
        Check(departmentId, nameof(departmentId));
        var caller = Caller();
        var performance = grains.GetGrain<IPerformanceGrain>(caller.TenantId);
        return await WatchAsync(
            GroupNames.Department(caller.TenantId, departmentId),
            async () => (await performance.GetDepartmentAsync(caller, departmentId, null)).ValueOrThrow(),
            async () => new DepartmentSnapshot(
                (await performance.GetDepartmentAsync(caller, departmentId, null)).ValueOrThrow(),
                (await performance.GetTeamAsync(caller, departmentId, null)).ValueOrThrow(),
                clock.GetUtcNow()));
    }

    public async Task<EmployeeSnapshot> WatchEmployee(string employeeId)
    {
        Check(employeeId, nameof(employeeId));
        var caller = Caller();
        var performance = grains.GetGrain<IPerformanceGrain>(caller.TenantId);
        var feedback = grains.GetGrain<IFeedbackGrain>(caller.TenantId);
        return await WatchAsync(
            GroupNames.Employee(caller.TenantId, employeeId),
            // Alerts, not scores: they tell "may not" and "does not exist" apart from "has no scores yet".
            async () => (await performance.GetAlertsAsync(caller, employeeId, 1)).ValueOrThrow(),
            async () =>
            {
                var scores = await performance.GetEmployeeAsync(caller, employeeId, null);
                var scored = scores.Status == Services.AnswerStatus.NotFound ? null : scores.ValueOrThrow();
                return new EmployeeSnapshot(
                    scored,
                    (await performance.GetAlertsAsync(caller, employeeId, SnapshotAlerts)).ValueOrThrow(),
                    (await feedback.ListAsync(caller, employeeId, null, null)).ValueOrThrow(),
                    clock.GetUtcNow());
            });
    }

    /// <summary>Stops the pushes of one scope: <c>tenant</c>, <c>department:{id}</c> or <c>employee:{id}</c>. Unwatching what is not watched changes nothing.</summary>
    public async Task Unwatch(string scope)
    {
        var caller = Caller();
        var group = scope switch
        {
            "tenant" => GroupNames.Tenant(caller.TenantId),
            _ when scope?.StartsWith("department:", StringComparison.Ordinal) == true && IsId(scope["department:".Length..]) =>
                GroupNames.Department(caller.TenantId, scope["department:".Length..]),
            _ when scope?.StartsWith("employee:", StringComparison.Ordinal) == true && IsId(scope["employee:".Length..]) =>
                GroupNames.Employee(caller.TenantId, scope["employee:".Length..]),
            _ => throw HubAnswers.Invalid(nameof(scope)),
        };
        await LeaveAsync(group);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        // SignalR drops a closed connection from its groups itself; only the counts are left to settle.
        foreach (var group in groups.LeaveAll(Context.ConnectionId)) broadcaster.Forget(group);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Reads once to be allowed (a refusal also ends an earlier watch of the scope: access may have changed), joins,
    /// then reads the snapshot, so no change falls between the snapshot and the first push.
    /// </summary>
    private async Task<T> WatchAsync<T, TAllowed>(string group, Func<Task<TAllowed>> allowed, Func<Task<T>> snapshot)
    {
        try
        {
            await allowed();
        }
        catch (HubException)
        {
            await LeaveAsync(group);
            throw;
        }

        var joined = groups.Join(Context.ConnectionId, group);
        try
        {
            if (joined) await Groups.AddToGroupAsync(Context.ConnectionId, group);
            return await snapshot();
        }
        catch
        {
            await LeaveAsync(group);
            throw;
        }
    }

    private async Task LeaveAsync(string group)
    {
        if (!groups.IsMember(Context.ConnectionId, group)) return;
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
        groups.Leave(Context.ConnectionId, group);
        broadcaster.Forget(group);
    }

    private Caller Caller() => Context.User is { } user && PulseClaims.ToCaller(user) is { } caller ? caller : throw new HubException(HubAnswers.Forbidden);

    private static void Check(string id, string name)
    {
        if (!IsId(id)) throw HubAnswers.Invalid(name);
    }

    private static bool IsId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength;
}

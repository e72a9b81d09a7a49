using Orleans.Concurrency;
using Pulse.Events;
using Pulse.Performance;

namespace Pulse.Grains;

/// <summary>
/// One employee's live KPIs; keyed <c>{tenantId}/{employeeId}</c>. The single writer of the employee's event
/// stream: it appends to the log, then folds.
/// </summary>
[Alias("pulse.grain.employee")]
public interface IEmployeeGrain : IGrainWithStringKey
{
    /// <summary>Appends the events durably (already validated), folds them and reports which were new.</summary>
    /// <remarks>Interleaves: calls overlap so each can queue its append while earlier ones commit (the grain orders the rest).</remarks>
    [Alias("apply-events"), AlwaysInterleave]
    Task<AppliedEvents> ApplyEventsAsync(BusinessEvent[] events);

    /// <summary>Scores for a period (<c>yyyy-MM</c>); null means the open period.</summary>
    [Alias("performance")]
    Task<EmployeePerformance?> GetPerformanceAsync(string? period);

    /// <summary>Refolds the open periods from the log under the rules of at least <paramref name="rulesVersion"/>.</summary>
    [Alias("recompute")]
    Task RecomputeAsync(long rulesVersion);

    /// <summary>Recent alert crossings, newest first.</summary>
    [Alias("alerts")]
    Task<AlertRecord[]> GetAlertsAsync(int limit);
}

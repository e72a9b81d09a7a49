using Pulse.Reviews;

namespace Pulse.Grains;

/// <summary>
/// One tenant's review cycle for one month; keyed <c>GrainKeys.For(tenantId, "yyyy-MM")</c>. It owns the status, the
/// participants and the schedule (opened on the 1st in the tenant's zone; rating from month end; frozen at month end +
/// the grace window), and orchestrates the employee reviews. Callers are checked by <see cref="IReviewGrain"/>; this
/// grain trusts its callers.
/// </summary>
[Alias("pulse.grain.review-cycle")]
public interface IReviewCycleGrain : IGrainWithStringKey
{
    /// <summary>Opens the cycle if it is not open yet (idempotent: a second call changes nothing) for every active employee.</summary>
    [Alias("ensure-open")]
    Task<CycleView> EnsureOpenAsync();

    /// <summary>Moves the cycle on as the clock says (to rating at month end, frozen at the end of the grace window); idempotent.</summary>
    [Alias("advance")]
    Task<CycleView> AdvanceAsync();

    /// <summary>The cycle's view; null when it was never opened.</summary>
    [Alias("get")]
    Task<CycleView?> GetAsync();

    /// <summary>
    /// The cycle's view counted over the participants of <paramref name="departmentIds"/> only (a manager's people);
    /// null when the cycle was never opened.
    /// </summary>
    [Alias("view-for")]
    Task<CycleView?> GetViewForAsync(string[] departmentIds);

    /// <summary>
    /// An employee review reports its progress (all ratings in, self-assessed, the employee's response). One-way: the
    /// review never waits on the cycle, which may itself be calling the review (grading, publishing) at that moment.
    /// </summary>
    [Alias("review-changed"), Orleans.Concurrency.OneWay]
    Task ReviewChangedAsync(string employeeId, bool rated, bool selfAssessed, ReviewResponseKind? response);

    [Alias("calibration")]
    Task<Calibration?> GetCalibrationAsync();

    [Alias("override-grade")]
    Task<CalibrationRow?> OverrideGradeAsync(string employeeId, GradeOverride? grade);

    /// <summary>
    /// Approves (by an account name): records the approval, then publishes each review with its grade and pay, pushes
    /// the pay, archives. An approval interrupted part-way is finished, as recorded, by the next call (or <see cref="AdvanceAsync"/>).
    /// </summary>
    [Alias("approve")]
    Task<CycleView> ApproveAsync(string by);

    [Alias("reopen")]
    Task<CycleView> ReopenAsync(string by, string reason);

    [Alias("pay")]
    Task<PayLine[]> GetPayAsync();

    [Alias("adjustments")]
    Task<PostCloseAdjustment[]> GetAdjustmentsAsync();
}

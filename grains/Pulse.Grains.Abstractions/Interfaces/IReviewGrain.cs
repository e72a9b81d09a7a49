using Pulse.Reviews;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Grains;

/// <summary>
/// The monthly review cycle as one caller may see and drive it, for the API, the dashboard and the chat bot alike: the
/// cycle's state and progress (HR, and managers for their people), calibration, approval, reopening, pay and the policy
/// (HR). One person's review is <see cref="IPersonalReviewGrain"/>. Periods are <c>yyyy-MM</c>. Keyed by tenant id; a
/// stateless worker.
/// </summary>
[Alias("pulse.grain.review")]
public interface IReviewGrain : IGrainWithStringKey
{
    [Alias("cycle")]
    Task<Answer<CycleView>> GetCycleAsync(Caller caller, string period);

    [Alias("calibration")]
    Task<Answer<Calibration>> GetCalibrationAsync(Caller caller, string period);

    /// <summary>HR changes a grade with a reason (audited); null grade removes the override.</summary>
    [Alias("override-grade")]
    Task<Answer<CalibrationRow>> OverrideGradeAsync(Caller caller, string period, string employeeId, string? grade, string? reason);

    /// <summary>Locks the cycle: results are published, pay computed and sent to payroll, the cycle archived.</summary>
    [Alias("approve")]
    Task<Answer<CycleView>> ApproveAsync(Caller caller, string period);

    /// <summary>Opens an archived cycle again for calibration (audited, with a reason); re-approval re-exports only what changed.</summary>
    [Alias("reopen")]
    Task<Answer<CycleView>> ReopenAsync(Caller caller, string period, string? reason);

    [Alias("pay")]
    Task<Answer<PayLine[]>> GetPayAsync(Caller caller, string period);

    [Alias("adjustments")]
    Task<Answer<PostCloseAdjustment[]>> GetAdjustmentsAsync(Caller caller, string period);

    [Alias("policy")]
    Task<Answer<ReviewPolicy>> GetPolicyAsync(Caller caller);

    [Alias("set-policy")]
    Task<Answer<ReviewPolicy>> SetPolicyAsync(Caller caller, ReviewPolicy policy);
}

using Orleans.Concurrency;
using Pulse.Grains;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Reviews;

/// <summary>The door to <see cref="ReviewService"/> for the dashboard hub and the chat bot, as <see cref="FeedbackGrain"/> is to feedback.</summary>
[StatelessWorker]
public sealed class ReviewGrain(CallerResolver callers, ReviewService service) : Grain, IReviewGrain
{
    public async Task<Answer<CycleView>> GetCycleAsync(Caller caller, string period) =>
        await ResolveAsync(caller) is { } context ? await service.GetCycleAsync(context, period) : Answers.Forbidden<CycleView>();

    public async Task<Answer<Calibration>> GetCalibrationAsync(Caller caller, string period) =>
        await ResolveAsync(caller) is { } context ? await service.GetCalibrationAsync(context, period) : Answers.Forbidden<Calibration>();

    public async Task<Answer<CalibrationRow>> OverrideGradeAsync(Caller caller, string period, string employeeId, string? grade, string? reason) =>
        await ResolveAsync(caller) is { } context ? await service.OverrideGradeAsync(context, period, employeeId, grade, reason) : Answers.Forbidden<CalibrationRow>();

    public async Task<Answer<CycleView>> ApproveAsync(Caller caller, string period) =>
        await ResolveAsync(caller) is { } context ? await service.ApproveAsync(context, period) : Answers.Forbidden<CycleView>();

    public async Task<Answer<CycleView>> ReopenAsync(Caller caller, string period, string? reason) =>
        await ResolveAsync(caller) is { } context ? await service.ReopenAsync(context, period, reason) : Answers.Forbidden<CycleView>();

    public async Task<Answer<PayLine[]>> GetPayAsync(Caller caller, string period) =>
        await ResolveAsync(caller) is { } context ? await service.GetPayAsync(context, period) : Answers.Forbidden<PayLine[]>();

    public async Task<Answer<PostCloseAdjustment[]>> GetAdjustmentsAsync(Caller caller, string period) =>
        await ResolveAsync(caller) is { } context ? await service.GetAdjustmentsAsync(context, period) : Answers.Forbidden<PostCloseAdjustment[]>();

    public async Task<Answer<ReviewPolicy>> GetPolicyAsync(Caller caller) =>
        await ResolveAsync(caller) is { } context ? await service.GetPolicyAsync(context) : Answers.Forbidden<ReviewPolicy>();

    public async Task<Answer<ReviewPolicy>> SetPolicyAsync(Caller caller, ReviewPolicy policy) =>
        await ResolveAsync(caller) is { } context ? await service.SetPolicyAsync(context, policy) : Answers.Forbidden<ReviewPolicy>();

    /// <summary>Null for a gone or disabled account, and for a caller of another tenant than this grain's.</summary>
    private async ValueTask<CallerContext?> ResolveAsync(Caller caller) =>
        caller.TenantId == this.GetPrimaryKeyString() ? await callers.ResolveAsync(caller) : null;
}

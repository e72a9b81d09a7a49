using Pulse.Audit;
using Pulse.Grains;
using Pulse.Scoring;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Reviews;

/// <summary>
/// The monthly cycle as one caller may see and drive it, whoever asks (the API, the dashboard hub, the chat bot). HR
/// (<see cref="Permission.ReviewManage"/>) sees and drives everything; a manager reads the cycle counted over the
/// departments they manage (who of their people still waits for ratings) and reads the policy; anyone else is
/// refused. Permission is checked first, so a refusal says nothing about what exists; then the period (<c>yyyy-MM</c>).
/// </summary>
public sealed class ReviewService(IGrainFactory grains, AuditTrail audit, TimeProvider clock)
{
    public const int MaxReason = 2_000;

    /// <summary>How far back HR may open a month late; older results come in through the history import.</summary>
    public const int MaxMonthsOpenedLate = 24;

    public async Task<Answer<CycleView>> GetCycleAsync(CallerContext context, string period)
    {
        var manages = context.Allows(Permission.ReviewManage);
        var managerOf = !manages && context.Caller.Has(Role.Manager) && context.Caller.EmployeeId is { } manager
            ? context.Rules.ManagedDepartments(manager)
            : null;
        if (!manages && managerOf is null) return Answers.Forbidden<CycleView>();
        if (BadPeriod<CycleView>(period) is { } bad) return bad;
        var cycle = Cycle(context, period);
        var view = manages ? await cycle.GetAsync() : await cycle.GetViewForAsync([.. managerOf!]);
        return view is null ? NeverOpened<CycleView>(period) : Answers.Ok(view);
    }

    public async Task<Answer<Calibration>> GetCalibrationAsync(CallerContext context, string period)
    {
        if (!context.Allows(Permission.ReviewManage)) return Answers.Forbidden<Calibration>();
        if (BadPeriod<Calibration>(period) is { } bad) return bad;
        return await Cycle(context, period).GetCalibrationAsync() is { } calibration ? Answers.Ok(calibration) : NeverOpened<Calibration>(period);
    }

    public async Task<Answer<CalibrationRow>> OverrideGradeAsync(CallerContext context, string period, string employeeId, string? grade, string? reason)
    {
        if (!context.Allows(Permission.ReviewManage)) return Answers.Forbidden<CalibrationRow>();
        if (BadPeriod<CalibrationRow>(period) is { } bad) return bad;
        var policy = await grains.GetGrain<IReviewPolicyGrain>(context.TenantId).GetAsync();
        var errors = new List<Organisation.ValidationError>();
        if (grade is not null && !Array.Exists(policy.Bands, b => b.Grade == grade))
            errors.Add(new("grade", $"Must be one of the policy's grades: {string.Join(", ", policy.Bands.Select(b => b.Grade))}; or null to take the suggestion."));
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("reason", $"Required: why the grade changes, 1 to {MaxReason} characters."));
        else if (reason.Length > MaxReason) errors.Add(new("reason", $"At most {MaxReason} characters."));
        if (errors.Count > 0) return Answers.Invalid<CalibrationRow>([.. errors]);

        var cycle = Cycle(context, period);
        if (await cycle.GetAsync() is null) return NeverOpened<CalibrationRow>(period);
        var before = (await cycle.GetCalibrationAsync())?.Rows.FirstOrDefault(r => r.EmployeeId == employeeId);
        if (before is null) return Answers.NotFound<CalibrationRow>($"Employee '{employeeId}' is not in the cycle {period}.");
        var change = grade is null ? null : new GradeOverride(grade, reason!.Trim(), context.Caller.Name, clock.GetUtcNow());
        try
        {
            var after = await cycle.OverrideGradeAsync(employeeId, change);
            if (after is null) return Answers.NotFound<CalibrationRow>($"Employee '{employeeId}' is not in the cycle {period}.");
            await audit.RecordAsync(context.Caller, "cycle.grade-override", $"{period}/{employeeId}",
                new { before.Grade, before.SuggestedGrade, before.Override }, new { after.Grade, after.SuggestedGrade, after.Override, Reason = reason!.Trim() });
            return Answers.Ok(after);
        }
        catch (InvalidOperationException e)
        {
            return Answers.Conflict<CalibrationRow>(e.Message);
        }
    }

    /// <summary>
    /// HR opens a month the opener never opened — one no silo ran through, or one before the tenant ran its reviews in
    /// Pulse — and brings it up to the clock at once: a past month moves to rating and, past its grace window, freezes.
    /// A month already open is answered as it stands (opening twice is impossible); a month not yet begun is a conflict.
    /// </summary>
    public async Task<Answer<CycleView>> OpenAsync(CallerContext context, string period)
    {
        if (!context.Allows(Permission.ReviewManage)) return Answers.Forbidden<CycleView>();
        if (BadPeriod<CycleView>(period) is { } bad) return bad;
        var earliest = Period.Of(clock.GetUtcNow(), context.Rules.TimeZone);
        for (var i = 0; i < MaxMonthsOpenedLate; i++) earliest = Period.Previous(earliest);
        if (string.CompareOrdinal(period, earliest) < 0)
            return Answers.Invalid<CycleView>("period", $"Months before {earliest} are not opened late ({MaxMonthsOpenedLate} months at most); import their results instead.");
        var cycle = Cycle(context, period);
        var before = await cycle.GetAsync();
        try
        {
            await cycle.EnsureOpenAsync();
            var view = await cycle.AdvanceAsync();
            if (before is null) await audit.RecordAsync(context.Caller, "cycle.open-late", period, null, new { Period = period, view.Status, view.Participants });
            return Answers.Ok(view);
        }
        catch (InvalidOperationException e)
        {
            return Answers.Conflict<CycleView>(e.Message);
        }
    }

    public async Task<Answer<CycleView>> ApproveAsync(CallerContext context, string period)
    {
        if (!context.Allows(Permission.ReviewManage)) return Answers.Forbidden<CycleView>();
        if (BadPeriod<CycleView>(period) is { } bad) return bad;
        var cycle = Cycle(context, period);
        if (await cycle.GetAsync() is null) return NeverOpened<CycleView>(period);
        try
        {
            return Answers.Ok(await cycle.ApproveAsync(context.Caller.Name));
        }
        catch (InvalidOperationException e)
        {
            return Answers.Conflict<CycleView>(e.Message);
        }
    }

    public async Task<Answer<CycleView>> ReopenAsync(CallerContext context, string period, string? reason)
    {
        if (!context.Allows(Permission.ReviewManage)) return Answers.Forbidden<CycleView>();
        if (BadPeriod<CycleView>(period) is { } bad) return bad;
        if (string.IsNullOrWhiteSpace(reason)) return Answers.Invalid<CycleView>("reason", $"Required: why the cycle is reopened, 1 to {MaxReason} characters.");
        if (reason.Length > MaxReason) return Answers.Invalid<CycleView>("reason", $"At most {MaxReason} characters.");
        var cycle = Cycle(context, period);
        if (await cycle.GetAsync() is null) return NeverOpened<CycleView>(period);
        try
        {
            return Answers.Ok(await cycle.ReopenAsync(context.Caller.Name, reason.Trim()));
        }
        catch (InvalidOperationException e)
        {
            return Answers.Conflict<CycleView>(e.Message);
        }
    }

    public async Task<Answer<PayLine[]>> GetPayAsync(CallerContext context, string period)
    {
        if (!context.Allows(Permission.ReviewManage)) return Answers.Forbidden<PayLine[]>();
        if (BadPeriod<PayLine[]>(period) is { } bad) return bad;
        var cycle = Cycle(context, period);
        return await cycle.GetAsync() is null ? NeverOpened<PayLine[]>(period) : Answers.Ok(await cycle.GetPayAsync());
    }

    public async Task<Answer<PostCloseAdjustment[]>> GetAdjustmentsAsync(CallerContext context, string period)
    {
        if (!context.Allows(Permission.ReviewManage)) return Answers.Forbidden<PostCloseAdjustment[]>();
        if (BadPeriod<PostCloseAdjustment[]>(period) is { } bad) return bad;
        var cycle = Cycle(context, period);
        return await cycle.GetAsync() is null ? NeverOpened<PostCloseAdjustment[]>(period) : Answers.Ok(await cycle.GetAdjustmentsAsync());
    }

    public async Task<Answer<ReviewPolicy>> GetPolicyAsync(CallerContext context)
    {
        if (!context.Allows(Permission.ReviewManage) && !context.Caller.Has(Role.Manager)) return Answers.Forbidden<ReviewPolicy>();
        return Answers.Ok(await grains.GetGrain<IReviewPolicyGrain>(context.TenantId).GetAsync());
    }

    public async Task<Answer<ReviewPolicy>> SetPolicyAsync(CallerContext context, ReviewPolicy policy)
    {
        if (!context.Allows(Permission.ReviewManage)) return Answers.Forbidden<ReviewPolicy>();
        var grain = grains.GetGrain<IReviewPolicyGrain>(context.TenantId);
        var before = await grain.GetAsync();
        var answer = await grain.SetAsync(policy);
        if (answer.Status == AnswerStatus.Ok) await audit.RecordAsync(context.Caller, "review-policy.update", context.TenantId, before, answer.Value);
        return answer;
    }

    private IReviewCycleGrain Cycle(CallerContext context, string period) => grains.GetGrain<IReviewCycleGrain>(GrainKeys.For(context.TenantId, period));

    private static Answer<T>? BadPeriod<T>(string period) =>
        Period.IsValid(period) ? null : Answers.Invalid<T>("period", "Must be a month written yyyy-MM, e.g. 2025-03.");

    private static Answer<T> NeverOpened<T>(string period) => Answers.NotFound<T>($"No review cycle for {period}: it was never opened.");
}

using Microsoft.Extensions.Logging;
using Pulse.Audit;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Services;
using Pulse.Templates;

namespace Pulse.Reviews;

/// <summary>
/// One tenant's review cycle for one month (key <c>tenant/yyyy-MM</c>). It decides every transition itself, from its
/// durable state and the clock, so the callers that drive it (the cycle opener on every silo, each minute) may call
/// as often and as concurrently as they like: opening twice is impossible, a missed minute is caught up by the next.
/// Open → Rating at month end → frozen and Calibrating at month end + the grace window → Approved (published, paid)
/// → Archived; a reopening goes back to Calibrating with the next revision. Every transition is recorded (who, when,
/// why) and audited. It trusts its callers: <see cref="IReviewGrain"/> checks who asks.
/// </summary>
/// <remarks>
/// Work over participants (starting reviews, the freeze, grading and publishing, reading the calibration) runs in
/// parallel batches of <see cref="Batch"/>. Wrong-state requests throw <see cref="InvalidOperationException"/> with
/// a sentence saying what blocks; the review service answers them as conflicts.
/// </remarks>
public sealed partial class ReviewCycleGrain(
    [PersistentState("review-cycle", StorageNames.Organisation)] IPersistentState<ReviewCycleState> state,
    TenantRulesProvider rulesProvider,
    AuditTrail audit,
    IReviewNotifier notifier,
    IReviewArchive archive,
    TimeProvider clock,
    ILogger<ReviewCycleGrain> logger) : Grain, IReviewCycleGrain
{
    public const int Batch = 64;
    public const int MaxTransitions = 100;
    public const int MaxMissingShown = 200;
    public const string System = "system";

    private static readonly TimeSpan AdjustmentsMaxAge = TimeSpan.FromMinutes(1);

    private (int Count, DateTimeOffset At)? _adjustments;

    private ReviewCycleState State => state.State;

    private string TenantId => GrainKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string CyclePeriod => GrainKeys.Split(this.GetPrimaryKeyString()).Id;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Period.IsValid(CyclePeriod)) throw new ArgumentException($"'{this.GetPrimaryKeyString()}' is not a cycle key (tenant/yyyy-MM).");
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<CycleView> EnsureOpenAsync()
    {
        if (!State.Opened) await OpenAsync();
        if (!State.ReviewsStarted) await StartReviewsAsync();
        return await ViewAsync(null);
    }

    public async Task<CycleView> AdvanceAsync()
    {
        if (!State.Opened) throw new InvalidOperationException($"The cycle {CyclePeriod} was never opened.");
        if (!State.ReviewsStarted) await StartReviewsAsync();
        if (State.Approving is not null) await TryFinishApprovalAsync();
        var now = clock.GetUtcNow();
        if (State.Status is CycleStatus.Open or CycleStatus.Rating)
        {
            // The grace window follows the policy until the freeze: HR may lengthen or shorten it while managers rate.
            var policy = await PolicyAsync();
            var zone = Period.Zone(State.TimeZone);
            State.FreezesAt = CycleSchedule.FreezesAt(CyclePeriod, zone, policy.GraceDays);
            if (State.Status == CycleStatus.Open && now >= State.MonthEndsAt)
            {
                await MoveAsync(CycleStatus.Rating, System, null);
            }
            if (State.Status == CycleStatus.Rating && now < State.FreezesAt && State.RemindedAt is null
                && now >= CycleSchedule.RemindsAt(CyclePeriod, zone, policy.GraceDays))
            {
                await RemindAsync(now);
            }
            if (State.Status == CycleStatus.Rating && now >= State.FreezesAt)
            {
                await FreezeAsync(now);
            }
        }
        return await ViewAsync(null);
    }

    public async Task<CycleView?> GetAsync() => State.Opened ? await ViewAsync(null) : null;

    public async Task<CycleView?> GetViewForAsync(string[] departmentIds)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        return State.Opened ? await ViewAsync(departmentIds.ToHashSet(StringComparer.Ordinal)) : null;
    }

    public async Task ReviewChangedAsync(string employeeId, bool rated, bool selfAssessed, ReviewResponseKind? response)
    {
        if (!State.Participants.TryGetValue(employeeId, out var participant)) return;
        if (participant.Rated == rated && participant.SelfAssessed == selfAssessed && participant.Response == response) return;
        participant.Rated = rated;
        participant.SelfAssessed = selfAssessed;
        participant.Response = response;
        await state.WriteStateAsync();
    }

    public async Task<Calibration?> GetCalibrationAsync()
    {
        if (!State.Opened) return null;
        var (policy, rows, _, _) = await CalibrateAsync();
        return new Calibration(CyclePeriod, policy, rows, Counts(policy, rows));
    }

    public async Task<CalibrationRow?> OverrideGradeAsync(string employeeId, GradeOverride? grade)
    {
        if (!State.Participants.TryGetValue(employeeId, out var participant)) return null;
        if (State.Status != CycleStatus.Calibrating || State.Approving is not null)
            throw new InvalidOperationException($"Grades are changed while the cycle is calibrating; the cycle {CyclePeriod} is {StatusText}.");
        if (grade is not null)
        {
            var policy = await PolicyAsync();
            if (!Array.Exists(policy.Bands, b => b.Grade == grade.Grade)) throw new ArgumentException($"'{grade.Grade}' is not a grade of the policy.", nameof(grade));
        }
        participant.Override = grade;
        await state.WriteStateAsync();
        var (_, rows, _, _) = await CalibrateAsync();
        return Array.Find(rows, r => r.EmployeeId == employeeId);
    }

    public async Task<CycleView> ApproveAsync(string by)
    {
        ArgumentException.ThrowIfNullOrEmpty(by);
        if (State.Approving is null)
        {
            if (State.Status != CycleStatus.Calibrating)
                throw new InvalidOperationException($"A cycle is approved once it is calibrating; the cycle {CyclePeriod} is {Name(State.Status)}.");
            // Ratings are held still before the calibration is read, so none changes between the grade and pay decided
            // here and the review published with them; a refused approval lets them change again.
            await HoldRatingsAsync(true);
            var (policy, rows, reviews, rules) = await CalibrateAsync();
            var waiting = reviews.Values.Where(r => !r.IsComplete).Select(r => r.EmployeeId).Order(StringComparer.Ordinal).ToArray();
            if (waiting.Length > 0) await HoldRatingsAsync(false);
            if (waiting.Length > 0)
                throw new InvalidOperationException($"{waiting.Length} people still wait for ratings, so the cycle cannot be approved: {string.Join(", ", waiting.Take(20))}{(waiting.Length > 20 ? ", …" : "")}.");

            // The decision is durable before anything leaves the cycle: whatever fails after this, the approval is
            // finished as decided here, never recomputed from a policy or ratings that changed meanwhile.
            var currency = rules.Rules.Settings.Currency;
            foreach (var row in rows)
            {
                var participant = State.Participants[row.EmployeeId];
                participant.ApprovalSuggestedGrade = row.SuggestedGrade;
                participant.ApprovalPay = PayLineFor(policy, rules, currency, row);
            }
            State.Approving = new CycleApproval(by, clock.GetUtcNow(), State.Revision);
            await state.WriteStateAsync();
        }
        await TryFinishApprovalAsync();
        return await ViewAsync(null);
    }

    public async Task<CycleView> ReopenAsync(string by, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (State.Status is not (CycleStatus.Archived or CycleStatus.Approved))
            throw new InvalidOperationException($"Only an approved or archived cycle is reopened; the cycle {CyclePeriod} is {StatusText}.");
        await ForEachAsync(State.Participants.Keys, id => Review(id).UnpublishAsync());
        State.Revision++;
        State.ApprovedAt = null;
        State.ApprovedBy = null;
        State.ArchivedAt = null;
        await MoveAsync(CycleStatus.Calibrating, by, reason);
        return await ViewAsync(null);
    }

    public async Task<PayLine[]> GetPayAsync()
    {
        if (!State.Opened) return [];
        var reviews = await ReviewsAsync();
        return [.. reviews.Values.Where(r => r is { Published: true, Pay: not null }).Select(r => r.Pay!).OrderBy(p => p.EmployeeId, StringComparer.Ordinal)];
    }

    public async Task<PostCloseAdjustment[]> GetAdjustmentsAsync()
    {
        var frozen = State.Participants.Where(p => p.Value.FrozenEventCount is not null).ToArray();
        var current = await ForEachAsync(frozen, p => Employee(p.Key).GetPerformanceAsync(CyclePeriod));
        var adjustments = frozen.Zip(current)
            .Where(pair => pair.Second is { } now && now.EventCount > pair.First.Value.FrozenEventCount)
            .Select(pair => new PostCloseAdjustment(pair.First.Key, pair.First.Value.FrozenEventCount!.Value, pair.Second!.EventCount, pair.First.Value.FrozenComposite, pair.Second.Composite))
            .OrderBy(a => a.EmployeeId, StringComparer.Ordinal)
            .ToArray();
        _adjustments = (adjustments.Length, clock.GetUtcNow());
        return adjustments;
    }

    /// <summary>
    /// Finishes the recorded approval; a failure is logged and leaves it recorded for the next call or opener pass
    /// (the approval stands: the answer says it is being finished rather than that it failed).
    /// </summary>
    private async Task TryFinishApprovalAsync()
    {
        try
        {
            await FinishApprovalAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogApprovalInterrupted(logger, TenantId, CyclePeriod, State.Approving!.Revision, e);
        }
    }

    /// <summary>
    /// Grades and publishes each review, pushes the pay lines, archives the month, audits and tells the employees, then
    /// records approved and archived. Every step may run again after an interruption and change nothing more: a review
    /// graded and published with the same values stays as it is, payroll sends only lines it has not accepted, the
    /// archive replaces the month whole. The audit and the notices come before the final write, so a silo stopping
    /// between the two repeats them rather than losing them (chat notices are delivered once per revision).
    /// </summary>
    private async Task FinishApprovalAsync()
    {
        var approval = State.Approving!;
        var decided = State.Participants.Where(p => p.Value.ApprovalPay is not null).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        var published = await ForEachAsync(decided, async p =>
        {
            var pay = p.Value.ApprovalPay!;
            var review = Review(p.Key);
            // The override counts when it gave the final grade (an override of a grade the policy lost was not chosen).
            await review.GradeAsync(p.Value.ApprovalSuggestedGrade!, pay.Grade, p.Value.Override is { } o && o.Grade == pay.Grade ? o : null);
            return await review.PublishAsync(pay);
        });
        PayLine[] lines = [.. decided.Select(p => p.Value.ApprovalPay!)];
        await GrainFactory.GetGrain<IPayrollGrain>(this.GetPrimaryKeyString()).PushAsync(lines);
        await archive.SaveCycleAsync(TenantId, CyclePeriod, [.. lines.Zip(published).Select(pair => Archived(pair.First, pair.Second))], CancellationToken.None);
        var currency = lines.FirstOrDefault()?.Currency ?? "";
        await audit.RecordAsync(TenantId, approval.By, "cycle.approve", CyclePeriod, null,
            new { Period = CyclePeriod, approval.Revision, Participants = lines.Length, Total = lines.Sum(l => l.Amount), Currency = currency, ApprovedAt = approval.At });
        await notifier.ResultsPublishedAsync(TenantId, CyclePeriod, approval.Revision, [.. decided.Select(p => p.Key)]);

        var now = clock.GetUtcNow();
        State.ApprovedAt = approval.At;
        State.ApprovedBy = approval.By;
        Record(CycleStatus.Approved, approval.At, approval.By, null);
        State.ArchivedAt = now;
        Record(CycleStatus.Archived, now, approval.By, null);
        State.Approving = null;
        foreach (var (_, participant) in decided)
        {
            participant.ApprovalSuggestedGrade = null;
            participant.ApprovalPay = null;
        }
        await state.WriteStateAsync();
    }

    private async Task OpenAsync()
    {
        var tenantId = TenantId;
        var rules = await rulesProvider.GetAsync(tenantId) ?? throw new InvalidOperationException($"Tenant '{tenantId}' does not exist.");
        var zone = rules.TimeZone;
        var now = clock.GetUtcNow();
        if (now < CycleSchedule.OpensAt(CyclePeriod, zone)) throw new InvalidOperationException($"The month {CyclePeriod} has not begun in {zone.Id}.");
        var policy = await PolicyAsync();

        foreach (var employee in rules.Rules.Employees.Where(e => e.Active))
        {
            if (rules.TemplateIdFor(employee.DepartmentId) is not { } templateId || rules.TemplateFor(templateId, CyclePeriod) is not { } template) continue;
            string[] rated = [.. template.Sections.SelectMany(s => s.Indicators).Where(i => i.Source.Kind == SourceKind.Rating).Select(i => i.Id)];
            State.Participants[employee.Id] = new CycleParticipant
            {
                Name = employee.Name,
                DepartmentId = employee.DepartmentId,
                TemplateId = template.Id,
                RatedIndicators = rated,
                Rated = rated.Length == 0,
            };
        }
        State.Opened = true;
        State.Status = CycleStatus.Open;
        State.OpenedAt = now;
        State.TimeZone = zone.Id;
        State.MonthEndsAt = CycleSchedule.MonthEndsAt(CyclePeriod, zone);
        State.FreezesAt = CycleSchedule.FreezesAt(CyclePeriod, zone, policy.GraceDays);
        State.Revision = 1;
        Record(CycleStatus.Open, now, System, null);
        await state.WriteStateAsync();

        MissingRating[] toRate = [.. Missing(rules, null)];
        await audit.RecordAsync(tenantId, System, "cycle.open", CyclePeriod, null,
            new { Period = CyclePeriod, Participants = State.Participants.Count, ManagersToRate = Raters(toRate), RatedByHr = toRate.Count(m => m.RatedByHr), State.MonthEndsAt, State.FreezesAt });
        await notifier.CycleOpenedAsync(tenantId, CyclePeriod, toRate, State.FreezesAt);
    }

    private async Task StartReviewsAsync()
    {
        await ForEachAsync(State.Participants, p => Review(p.Key).StartAsync(p.Value.Name, p.Value.DepartmentId, p.Value.TemplateId, p.Value.RatedIndicators));
        State.ReviewsStarted = true;
        await state.WriteStateAsync();
    }

    private async Task RemindAsync(DateTimeOffset now)
    {
        var rules = await rulesProvider.GetAsync(TenantId);
        var missing = Missing(rules, null).ToArray();
        State.RemindedAt = now;
        State.RemindedManagers = Raters(missing).Length;
        await state.WriteStateAsync();
        await audit.RecordAsync(TenantId, System, "cycle.remind", CyclePeriod, null,
            new { Period = CyclePeriod, Missing = missing.Length, Managers = Raters(missing), RatedByHr = missing.Count(m => m.RatedByHr), State.FreezesAt });
        if (missing.Length > 0) await notifier.RatingsDueAsync(TenantId, CyclePeriod, missing, State.FreezesAt);
    }

    /// <summary>Keeps every participant's scorecard as it stands now; the first freeze of a review stands, so a retry changes nothing.</summary>
    private async Task FreezeAsync(DateTimeOffset now)
    {
        var participants = State.Participants.ToArray();
        var frozen = await ForEachAsync(participants, async p =>
        {
            var performance = await Employee(p.Key).GetPerformanceAsync(CyclePeriod);
            return performance is null ? null : await Review(p.Key).FreezeAsync(performance);
        });
        foreach (var (participant, review) in participants.Zip(frozen))
        {
            participant.Value.FrozenEventCount = review?.Frozen?.EventCount ?? 0;
            participant.Value.FrozenComposite = review?.Frozen?.Composite;
        }
        State.FrozenAt = now;
        _adjustments = null;
        await MoveAsync(CycleStatus.Calibrating, System, null);
    }

    private async Task MoveAsync(CycleStatus to, string by, string? reason)
    {
        var now = clock.GetUtcNow();
        var from = State.Status;
        Record(to, now, by, reason);
        await state.WriteStateAsync();
        await audit.RecordAsync(TenantId, by, $"cycle.{Name(to)}", CyclePeriod, new { Status = from }, new { Status = to, State.Revision, Reason = reason });
    }

    private void Record(CycleStatus to, DateTimeOffset at, string by, string? reason)
    {
        State.Transitions.Add(new CycleTransition(State.Opened && State.Transitions.Count > 0 ? State.Status : null, to, at, by, reason));
        if (State.Transitions.Count > MaxTransitions) State.Transitions.RemoveRange(0, State.Transitions.Count - MaxTransitions);
        State.Status = to;
    }

    private async Task<(ReviewPolicy Policy, CalibrationRow[] Rows, Dictionary<string, EmployeeReview> Reviews, CompiledRules Rules)> CalibrateAsync()
    {
        var policy = await PolicyAsync();
        var rules = await rulesProvider.GetAsync(TenantId) ?? throw new InvalidOperationException($"Tenant '{TenantId}' does not exist.");
        var reviews = await ReviewsAsync();
        var candidates = State.Participants.Select(p =>
        {
            var review = reviews.GetValueOrDefault(p.Key);
            return new CalibrationCandidate(p.Key, rules.TopLevelDepartmentOf(p.Value.DepartmentId), review?.Composite, QuantitativeScore.Of(review?.Frozen, p.Value.RatedIndicators));
        }).ToArray();
        var rows = GradeCalibrator.Calibrate(policy, candidates).Select(c =>
        {
            var participant = State.Participants[c.EmployeeId];
            var chosen = participant.Override is { } o && Array.Exists(policy.Bands, b => b.Grade == o.Grade) ? o : null;
            return new CalibrationRow(c.EmployeeId, participant.Name, participant.DepartmentId, reviews.GetValueOrDefault(c.EmployeeId)?.Composite,
                c.Rank, c.BandGrade, c.SuggestedGrade, chosen?.Grade ?? c.SuggestedGrade, chosen);
        }).ToArray();
        return (policy, rows, reviews, rules);
    }

    private async Task<Dictionary<string, EmployeeReview>> ReviewsAsync()
    {
        var ids = State.Participants.Keys.ToArray();
        var reviews = await ForEachAsync(ids, id => Review(id).GetAsync());
        return ids.Zip(reviews).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!, StringComparer.Ordinal);
    }

    private PayLine PayLineFor(ReviewPolicy policy, CompiledRules rules, string currency, CalibrationRow row)
    {
        var employeeBase = rules.Employees.TryGetValue(row.EmployeeId, out var employee) ? employee.PerformancePayBase : 0m;
        var payBase = PerformancePay.BaseFor(policy, row.Grade, employeeBase);
        var coefficient = PerformancePay.CoefficientFor(policy, row.Grade);
        return new PayLine(CyclePeriod, row.EmployeeId, row.Name, row.DepartmentId, row.Grade, row.Composite, payBase, coefficient, PerformancePay.Amount(payBase, coefficient), currency);
    }

    private static ArchivedResult Archived(PayLine pay, EmployeeReview review)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var scores = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var indicator in review.Frozen?.Sections.SelectMany(s => s.Indicators) ?? [])
        {
            if (indicator.Value is { } value) values[indicator.Id] = value;
            if (indicator.Score is { } score) scores[indicator.Id] = score;
        }
        foreach (var rating in review.Ratings.Where(r => ReviewScoring.IsOnScale(r.Rating)))
        {
            values[rating.IndicatorId] = rating.Rating;
            scores[rating.IndicatorId] = Ratings.Score(rating.Rating);
        }
        return new ArchivedResult(pay.EmployeeId, pay.DepartmentId, pay.Composite, pay.Grade, values, scores, ArchivedResult.FromCycle, pay.Amount, pay.Currency);
    }

    private async Task<CycleView> ViewAsync(HashSet<string>? departments)
    {
        var rules = await rulesProvider.GetAsync(TenantId);
        var members = State.Participants.Where(p => departments is null || departments.Contains(p.Value.DepartmentId)).ToArray();
        var payroll = State.ApprovedAt is null && State.Revision <= 1
            ? new PayrollStatus(false, 0, 0, 0, null, null)
            : await GrainFactory.GetGrain<IPayrollGrain>(this.GetPrimaryKeyString()).GetStatusAsync();
        var adjustments = 0;
        if (State.FrozenAt is not null)
        {
            if (_adjustments is not { } cached || clock.GetUtcNow() - cached.At > AdjustmentsMaxAge) await GetAdjustmentsAsync();
            adjustments = _adjustments?.Count ?? 0;
        }
        return new CycleView(
            CyclePeriod,
            State.Status,
            State.OpenedAt,
            State.MonthEndsAt,
            State.FreezesAt,
            State.FrozenAt,
            State.ApprovedAt,
            State.ApprovedBy,
            State.ArchivedAt,
            State.Revision,
            members.Length,
            members.Count(p => p.Value.Rated),
            members.Count(p => p.Value.SelfAssessed),
            members.Count(p => p.Value.Response == ReviewResponseKind.Acknowledge),
            members.Count(p => p.Value.Response == ReviewResponseKind.Object),
            [.. Missing(rules, departments).Take(MaxMissingShown)],
            [.. State.Transitions],
            payroll,
            adjustments,
            State.Approving);
    }

    private IEnumerable<MissingRating> Missing(CompiledRules? rules, HashSet<string>? departments) =>
        State.Participants
            .Where(p => !p.Value.Rated && (departments is null || departments.Contains(p.Value.DepartmentId)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => MissingFor(rules, p.Key, p.Value));

    /// <summary>Who must rate the person (<see cref="CompiledRules.RatersOf"/>): their managers, or HR when nobody is above them.</summary>
    private static MissingRating MissingFor(CompiledRules? rules, string employeeId, CycleParticipant participant)
    {
        var managers = rules is null ? [] : rules.RatersOf(employeeId, participant.DepartmentId);
        return new MissingRating(employeeId, participant.Name, participant.DepartmentId, managers, rules is not null && managers.Length == 0);
    }

    private static string[] Raters(IEnumerable<MissingRating> missing) =>
        [.. missing.SelectMany(m => m.ManagerIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static Dictionary<string, int> Counts(ReviewPolicy policy, CalibrationRow[] rows)
    {
        var counts = policy.Bands.ToDictionary(b => b.Grade, _ => 0, StringComparer.Ordinal);
        foreach (var row in rows) counts[row.Grade] = counts.GetValueOrDefault(row.Grade) + 1;
        return counts;
    }

    private Task<ReviewPolicy> PolicyAsync() => GrainFactory.GetGrain<IReviewPolicyGrain>(TenantId).GetAsync();

    private IEmployeeReviewGrain Review(string employeeId) => GrainFactory.GetGrain<IEmployeeReviewGrain>(GrainKeys.For(TenantId, $"{CyclePeriod}/{employeeId}"));

    private IEmployeeGrain Employee(string employeeId) => GrainFactory.GetGrain<IEmployeeGrain>(GrainKeys.For(TenantId, employeeId));

    private static string Name(CycleStatus status) => status.ToString().ToLowerInvariant();

    private string StatusText => State.Approving is null ? Name(State.Status) : "being approved";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finishing the approval of review cycle {TenantId}/{Period} (revision {Revision}) was interrupted; the next call or opener pass finishes it")]
    private static partial void LogApprovalInterrupted(ILogger logger, string tenantId, string period, int revision, Exception exception);

    private Task<bool[]> HoldRatingsAsync(bool hold) => ForEachAsync(State.Participants.Keys, async id =>
    {
        await Review(id).HoldRatingsAsync(hold);
        return hold;
    });

    private static async Task<TResult[]> ForEachAsync<T, TResult>(IEnumerable<T> items, Func<T, Task<TResult>> call)
    {
        var results = new List<TResult>();
        foreach (var chunk in items.Chunk(Batch))
        {
            results.AddRange(await Task.WhenAll(chunk.Select(call)));
        }
        return [.. results];
    }
}

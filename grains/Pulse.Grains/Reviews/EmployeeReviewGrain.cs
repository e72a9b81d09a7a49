using Microsoft.Extensions.Logging;
using Pulse.Grains;
using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Services;

namespace Pulse.Reviews;

/// <summary>
/// One employee's review for one month (key <c>tenant/yyyy-MM/employeeId</c>). It knows where the cycle is from the
/// calls it received: started (the cycle is open or rating), frozen (calibrating), graded, published. The employee
/// self-assesses once before the freeze; managers rate until the review is graded, a change replacing the rating with
/// its new author and time; the employee responds once after publication. It trusts its callers (the personal review
/// service checks who asks) but checks every value.
/// </summary>
/// <remarks>
/// Changes made by people (self-assessment, ratings, response) are reported to the cycle grain with
/// <see cref="IReviewCycleGrain.ReviewChangedAsync"/> once stored. The cycle's own calls (start, freeze, grade,
/// publish, unpublish) are not reported back — that would be a call cycle — the cycle reads the progress from the
/// review they return.
/// </remarks>
public sealed class EmployeeReviewGrain(
    [PersistentState("employee-review", StorageNames.Organisation)] IPersistentState<EmployeeReviewState> state,
    TimeProvider clock,
    ILogger<EmployeeReviewGrain> logger) : Grain, IEmployeeReviewGrain
{
    public const int MaxRatedIndicators = 100;

    private EmployeeReviewState State => state.State;

    private (string TenantId, string Period, string EmployeeId) Key
    {
        get
        {
            var (tenantId, rest) = GrainKeys.Split(this.GetPrimaryKeyString());
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            return (tenantId, rest[..slash], rest[(slash + 1)..]);
        }
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (_, rest) = GrainKeys.Split(this.GetPrimaryKeyString());
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !Period.IsValid(rest[..slash]) || slash == rest.Length - 1)
            throw new ArgumentException($"'{this.GetPrimaryKeyString()}' is not a review key (tenant/yyyy-MM/employeeId).");
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<EmployeeReview> StartAsync(string name, string departmentId, string templateId, string[] ratedIndicators)
    {
        ArgumentException.ThrowIfNullOrEmpty(departmentId);
        ArgumentNullException.ThrowIfNull(ratedIndicators);
        if (ratedIndicators.Length > MaxRatedIndicators)
            throw new ArgumentException($"At most {MaxRatedIndicators} rated indicators.", nameof(ratedIndicators));
        if (State.Started) return View();

        State.Started = true;
        State.Name = name ?? "";
        State.DepartmentId = departmentId;
        State.TemplateId = templateId ?? "";
        State.RatedIndicators = [.. ratedIndicators.Distinct(StringComparer.Ordinal)];
        await state.WriteStateAsync();
        return View();
    }

    public Task<EmployeeReview?> GetAsync() => Task.FromResult(State.Started ? View() : null);

    public async Task<Answer<EmployeeReview>> SelfAssessAsync(string by, SelfAssessmentInput assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (!State.Started) return NotStarted();
        var errors = ReviewInput.Ratings(assessment.Ratings, State.RatedIndicators, commentRequired: false);
        if (ReviewInput.Text(assessment.Comment, required: false) is { } reason) errors.Add(new("comment", reason));
        if ((assessment.Ratings is null || assessment.Ratings.Length == 0) && string.IsNullOrWhiteSpace(assessment.Comment))
            errors.Add(new("ratings", "Give at least one rating or a comment."));
        if (errors.Count > 0) return Answers.Invalid<EmployeeReview>([.. errors]);
        if (State.SelfAssessment is not null) return Answers.Conflict<EmployeeReview>("The self-assessment is already given; it is given once.");
        if (State.Frozen is not null || State.Grade is not null)
            return Answers.Conflict<EmployeeReview>("The month is frozen: a self-assessment is given while the cycle is open or rating.");

        var now = clock.GetUtcNow();
        GivenRating[] ratings = [.. (assessment.Ratings ?? []).Select(r => new GivenRating(r!.IndicatorId!, r.Rating!.Value, ReviewInput.Clean(r.Comment), by, now))];
        State.SelfAssessment = new SelfAssessment(ratings, ReviewInput.Clean(assessment.Comment), now);
        await state.WriteStateAsync();
        await NotifyCycleAsync();
        return Answers.Ok(View());
    }

    public async Task<Answer<EmployeeReview>> RateAsync(string by, RatingInput[] ratings)
    {
        ArgumentException.ThrowIfNullOrEmpty(by);
        if (!State.Started) return NotStarted();
        var errors = ReviewInput.Ratings(ratings, State.RatedIndicators, commentRequired: true);
        if (errors.Count > 0) return Answers.Invalid<EmployeeReview>([.. errors]);
        if (State.Grade is not null || State.Published)
            return Answers.Conflict<EmployeeReview>("The review is graded: ratings are given and changed until calibration sets the grade.");
        if (State.RatingsHeld)
            return Answers.Conflict<EmployeeReview>("The cycle is being approved: ratings can no longer change.");

        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var input in ratings)
        {
            var given = new GivenRating(input.IndicatorId!, input.Rating!.Value, input.Comment, by, now);
            var index = State.Ratings.FindIndex(r => r.IndicatorId == given.IndicatorId);
            if (index < 0)
            {
                State.Ratings.Add(given);
                changed = true;
            }
            else if (State.Ratings[index] is var old && (old.Rating != given.Rating || old.Comment != given.Comment || old.By != given.By))
            {
                State.Ratings[index] = given;
                changed = true;
            }
        }

        // The same ratings again (a retry) change nothing and keep their first time.
        if (changed)
        {
            await state.WriteStateAsync();
            await NotifyCycleAsync();
        }

        return Answers.Ok(View());
    }

    public async Task<EmployeeReview> FreezeAsync(EmployeePerformance frozen)
    {
        ArgumentNullException.ThrowIfNull(frozen);
        var (_, period, employeeId) = Key;
        if (frozen.EmployeeId != employeeId || frozen.Period != period)
            throw new ArgumentException($"The scorecard is {frozen.EmployeeId}'s for {frozen.Period}, not {employeeId}'s for {period}.", nameof(frozen));

        // The first freeze stands: events after it are post-close adjustments, never a silent change of the result.
        if (!State.Started || State.Frozen is not null) return View();
        State.Frozen = frozen;
        await state.WriteStateAsync();
        return View();
    }

    public async Task HoldRatingsAsync(bool hold)
    {
        if (State.RatingsHeld == hold) return;
        State.RatingsHeld = hold;
        await state.WriteStateAsync();
    }

    public async Task<EmployeeReview> GradeAsync(string suggestedGrade, string grade, GradeOverride? gradeOverride)
    {
        ArgumentException.ThrowIfNullOrEmpty(suggestedGrade);
        ArgumentException.ThrowIfNullOrEmpty(grade);
        if (State.SuggestedGrade == suggestedGrade && State.Grade == grade && State.Override == gradeOverride) return View();
        State.SuggestedGrade = suggestedGrade;
        State.Grade = grade;
        State.Override = gradeOverride;
        await state.WriteStateAsync();
        return View();
    }

    public async Task<EmployeeReview> PublishAsync(PayLine pay)
    {
        ArgumentNullException.ThrowIfNull(pay);
        if (State.Published && State.Pay == pay) return View();
        State.Pay = pay;
        State.Published = true;
        await state.WriteStateAsync();
        return View();
    }

    public async Task<EmployeeReview> UnpublishAsync()
    {
        if (!State.Published && !State.RatingsHeld) return View();
        State.Published = false;
        State.RatingsHeld = false;
        await state.WriteStateAsync();
        return View();
    }

    public async Task<Answer<EmployeeReview>> RespondAsync(ReviewResponseInput response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!State.Started) return NotStarted();
        var errors = new List<Organisation.ValidationError>();
        if (response.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(new("kind", "Required: acknowledge or object."));
        if (ReviewInput.Text(response.Text, required: response.Kind == ReviewResponseKind.Object) is { } reason)
            errors.Add(new("text", response.Kind == ReviewResponseKind.Object && reason.StartsWith("Required", StringComparison.Ordinal) ? $"An objection says why: 1 to {ReviewInput.MaxText} characters." : reason));
        if (errors.Count > 0) return Answers.Invalid<EmployeeReview>([.. errors]);
        if (!State.Published) return Answers.Conflict<EmployeeReview>("The result is not published yet; it is answered once it is.");
        if (State.Response is not null) return Answers.Conflict<EmployeeReview>("The result is already answered; it is answered once.");

        State.Response = new ReviewResponse(response.Kind!.Value, ReviewInput.Clean(response.Text), clock.GetUtcNow());
        await state.WriteStateAsync();
        await NotifyCycleAsync();
        return Answers.Ok(View());
    }

    private EmployeeReview View()
    {
        var (_, period, employeeId) = Key;
        var ratings = State.Ratings.ToDictionary(r => r.IndicatorId, r => r.Rating, StringComparer.Ordinal);
        var scored = State.Frozen is { } frozen ? ReviewScoring.Composite(frozen, ratings) : null;
        return new EmployeeReview(
            period,
            employeeId,
            State.Name,
            State.DepartmentId,
            [.. State.RatedIndicators],
            State.SelfAssessment,
            [.. State.Ratings],
            State.Frozen,
            scored?.Composite,
            scored?.IsComplete ?? false,
            State.SuggestedGrade,
            State.Grade,
            State.Override,
            State.Pay,
            State.Published,
            State.Response);
    }

    private bool AllRated => State.RatedIndicators.All(id => State.Ratings.Exists(r => r.IndicatorId == id));

    private async Task NotifyCycleAsync()
    {
        var (tenantId, period, employeeId) = Key;
        try
        {
            await GrainFactory.GetGrain<IReviewCycleGrain>(GrainKeys.For(tenantId, period))
                .ReviewChangedAsync(employeeId, AllRated, State.SelfAssessment is not null, State.Response?.Kind);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ReviewLog.CycleNotNotified(logger, e, tenantId, period);
        }
    }

    private Answer<EmployeeReview> NotStarted()
    {
        var (_, period, employeeId) = Key;
        return Answers.NotFound<EmployeeReview>($"No review of employee '{employeeId}' for {period}: the cycle is not open for them.");
    }
}

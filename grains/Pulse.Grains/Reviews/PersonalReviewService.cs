using Pulse.Audit;
using Pulse.Grains;
using Pulse.Scoring;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Reviews;

/// <summary>
/// One person's review, whoever asks (the API, the dashboard hub, the chat bot). The employee, their managers and HR
/// read it (the employee sees the manager's ratings, the composite, the grade and the pay only once the result is
/// published); a manager of the employee's department or above rates, never themself; only the employee
/// self-assesses and responds. Who may act is decided before the input is looked at, so a refusal says nothing about
/// the review. Every change is audited: the rating's value with who, whom and which indicator (the comment is in the
/// review, not in the audit or the logs); an objection with its text, for HR, who are also told (<see cref="IReviewNotifier"/>).
/// </summary>
public sealed class PersonalReviewService(IGrainFactory grains, AuditTrail audit, IReviewNotifier notifier)
{
    public async Task<Answer<EmployeeReview>> GetAsync(CallerContext context, string period, string employeeId)
    {
        if (!context.Allows(Permission.EmployeePerformanceRead, employeeId)) return Answers.Forbidden<EmployeeReview>();
        if (!Period.IsValid(period)) return InvalidPeriod<EmployeeReview>();
        return await Review(context, period, employeeId).GetAsync() is { } review
            ? Answers.Ok(AsSeenBy(context, review))
            : NotFound(period, employeeId);
    }

    public async Task<Answer<EmployeeReview>> SelfAssessAsync(CallerContext context, string period, string employeeId, SelfAssessmentInput assessment)
    {
        if (!IsTheEmployee(context, employeeId)) return Answers.Forbidden<EmployeeReview>();
        if (!Period.IsValid(period)) return InvalidPeriod<EmployeeReview>();
        if (assessment is null) return Answers.Invalid<EmployeeReview>("ratings", "Required: {ratings, comment}.");
        var answer = await Review(context, period, employeeId).SelfAssessAsync(context.Caller.Name, assessment);
        if (answer is { Status: AnswerStatus.Ok, Value.SelfAssessment: { } given })
        {
            var after = new { ratings = given.Ratings.Select(r => new { r.IndicatorId, r.Rating }), commented = given.Comment is not null, given.At };
            await audit.RecordAsync(context.Caller, "review.self-assessment", Target(period, employeeId), null, after);
        }
        return answer.Status == AnswerStatus.Ok ? answer with { Value = AsSeenBy(context, answer.Value!) } : answer;
    }

    public async Task<Answer<EmployeeReview>> RateAsync(CallerContext context, string period, string employeeId, RatingInput[]? ratings)
    {
        if (!context.Allows(Permission.ReviewRate, employeeId)) return Answers.Forbidden<EmployeeReview>();
        if (!Period.IsValid(period)) return InvalidPeriod<EmployeeReview>();
        if (ratings is null || ratings.Length == 0) return Answers.Invalid<EmployeeReview>("ratings", "Required: at least one rating.");
        var grain = Review(context, period, employeeId);
        if (await grain.GetAsync() is not { } before) return NotFound(period, employeeId);
        var answer = await grain.RateAsync(context.Caller.Name, ratings);
        if (answer is { Status: AnswerStatus.Ok, Value: { } after })
        {
            foreach (var rating in after.Ratings)
            {
                var was = before.Ratings.FirstOrDefault(r => r.IndicatorId == rating.IndicatorId);
                if (was == rating) continue;
                await audit.RecordAsync(context.Caller, was is null ? "review.rating.give" : "review.rating.change", Target(period, employeeId, rating.IndicatorId),
                    was is null ? null : Audited(was), Audited(rating));
            }
        }
        return answer;
    }

    public async Task<Answer<EmployeeReview>> RespondAsync(CallerContext context, string period, string employeeId, ReviewResponseInput response)
    {
        if (!IsTheEmployee(context, employeeId)) return Answers.Forbidden<EmployeeReview>();
        if (!Period.IsValid(period)) return InvalidPeriod<EmployeeReview>();
        if (response is null) return Answers.Invalid<EmployeeReview>("kind", "Required: acknowledge or object.");
        var answer = await Review(context, period, employeeId).RespondAsync(response);
        if (answer is { Status: AnswerStatus.Ok, Value.Response: { } given })
        {
            // An objection goes to HR: its text is in the audit entry they read, and in the cycle's objections.
            var action = given.Kind == ReviewResponseKind.Object ? "review.objection" : "review.acknowledgement";
            await audit.RecordAsync(context.Caller, action, Target(period, employeeId), null, given);
            if (given.Kind == ReviewResponseKind.Object) await notifier.ObjectionRaisedAsync(context.TenantId, period, employeeId, answer.Value.Name, given.Text ?? "");
        }
        return answer;
    }

    /// <summary>The published results of <paramref name="period"/> their employee objected to, oldest objection first: HR's.</summary>
    public async Task<Answer<EmployeeReview[]>> ObjectionsAsync(CallerContext context, string period)
    {
        if (!context.Allows(Permission.ReviewManage)) return Answers.Forbidden<EmployeeReview[]>();
        if (!Period.IsValid(period)) return InvalidPeriod<EmployeeReview[]>();
        var reviews = await Task.WhenAll(context.Rules.Rules.Employees.Select(e => Review(context, period, e.Id).GetAsync()));
        return Answers.Ok(reviews.OfType<EmployeeReview>()
            .Where(r => r.Response is { Kind: ReviewResponseKind.Object })
            .OrderBy(r => r.Response!.At)
            .ThenBy(r => r.EmployeeId, StringComparer.Ordinal)
            .ToArray());
    }

    /// <summary>Before publication the employee sees their review without the manager's ratings and the result; managers and HR see it all.</summary>
    private static EmployeeReview AsSeenBy(CallerContext context, EmployeeReview review) =>
        review.Published || context.Caller.EmployeeId != review.EmployeeId ? review
            : review with { Ratings = [], Composite = null, IsComplete = false, SuggestedGrade = null, Grade = null, Override = null, Pay = null };

    private static bool IsTheEmployee(CallerContext context, string employeeId) =>
        context.Allows(Permission.Self) && context.Caller.EmployeeId == employeeId && context.Allows(Permission.EmployeePerformanceRead, employeeId);

    private IEmployeeReviewGrain Review(CallerContext context, string period, string employeeId) =>
        grains.GetGrain<IEmployeeReviewGrain>(GrainKeys.For(context.TenantId, $"{period}/{employeeId}"));

    private static object Audited(GivenRating rating) => new { rating.IndicatorId, rating.Rating, rating.By, rating.At };

    private static string Target(string period, string employeeId, string? indicatorId = null) =>
        indicatorId is null ? $"{period}/{employeeId}" : $"{period}/{employeeId}/{indicatorId}";

    private static Answer<T> InvalidPeriod<T>() => Answers.Invalid<T>("period", "Must be a month written yyyy-MM.");

    private static Answer<EmployeeReview> NotFound(string period, string employeeId) =>
        Answers.NotFound<EmployeeReview>($"No review of employee '{employeeId}' for {period}: the cycle does not exist or does not include them.");
}

using Pulse.Performance;
using Pulse.Reviews;

namespace Pulse.Grains;

/// <summary>
/// One employee's review for one month; keyed <c>GrainKeys.For(tenantId, "yyyy-MM/employeeId")</c>. Holds the
/// self-assessment, the ratings with comments, the frozen scorecard, the composite, the grade, the pay and the
/// employee's response. Callers are checked by <see cref="IReviewGrain"/>; this grain trusts its callers but checks
/// the values (scale, indicator ids, state: no rating after calibration began, one response after publication).
/// </summary>
[Alias("pulse.grain.employee-review")]
public interface IEmployeeReviewGrain : IGrainWithStringKey
{
    /// <summary>Starts the review when the cycle opens (idempotent): who, which department, which rated indicators.</summary>
    [Alias("start")]
    Task<EmployeeReview> StartAsync(string name, string departmentId, string templateId, string[] ratedIndicators);

    /// <summary>The review; null when it was never started.</summary>
    [Alias("get")]
    Task<EmployeeReview?> GetAsync();

    [Alias("self-assess")]
    Task<Services.Answer<EmployeeReview>> SelfAssessAsync(string by, SelfAssessmentInput assessment);

    [Alias("rate")]
    Task<Services.Answer<EmployeeReview>> RateAsync(string by, RatingInput[] ratings);

    /// <summary>Keeps the scorecard as it stands at the freeze and computes the composite with the ratings; idempotent per cycle revision.</summary>
    [Alias("freeze")]
    Task<EmployeeReview> FreezeAsync(EmployeePerformance frozen);

    /// <summary>
    /// Holds the ratings still (true) while an approval reads the calibration and grades, so the composite a pay line is
    /// recorded with is the one the review is published with; false lets managers change them again (the approval was
    /// refused). Idempotent.
    /// </summary>
    [Alias("hold-ratings")]
    Task HoldRatingsAsync(bool hold);

    /// <summary>Sets the suggested and final grade during calibration.</summary>
    [Alias("grade")]
    Task<EmployeeReview> GradeAsync(string suggestedGrade, string grade, GradeOverride? gradeOverride);

    /// <summary>Publishes the result with its pay (on approval); the employee may then respond once.</summary>
    [Alias("publish")]
    Task<EmployeeReview> PublishAsync(PayLine pay);

    /// <summary>Takes the result back for a reopened cycle (published stays false until the next approval).</summary>
    [Alias("unpublish")]
    Task<EmployeeReview> UnpublishAsync();

    [Alias("respond")]
    Task<Services.Answer<EmployeeReview>> RespondAsync(ReviewResponseInput response);
}

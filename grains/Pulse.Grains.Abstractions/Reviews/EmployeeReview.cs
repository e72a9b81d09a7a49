using Pulse.Performance;

namespace Pulse.Reviews;

/// <summary>
/// One employee's review for one cycle. <see cref="RatedIndicators"/> are the template's rated indicators, each needing
/// a manager's rating; <see cref="Frozen"/> is the scorecard as it stood when the quantitative values froze (null
/// before); <see cref="Composite"/> combines the frozen quantitative scores with the ratings as the template weighs them
/// and <see cref="IsComplete"/> says every rating is in. <see cref="Grade"/> is the final grade (the suggestion, or HR's
/// override); <see cref="Published"/> turns true on approval, when the employee sees the result and may respond once.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.review.employee-review")]
public sealed record EmployeeReview(
    [property: Id(0)] string Period,
    [property: Id(1)] string EmployeeId,
    [property: Id(2)] string Name,
    [property: Id(3)] string DepartmentId,
    [property: Id(4)] string[] RatedIndicators,
    [property: Id(5)] SelfAssessment? SelfAssessment,
    [property: Id(6)] GivenRating[] Ratings,
    [property: Id(7)] EmployeePerformance? Frozen,
    [property: Id(8)] decimal? Composite,
    [property: Id(9)] bool IsComplete,
    [property: Id(10)] string? SuggestedGrade,
    [property: Id(11)] string? Grade,
    [property: Id(12)] GradeOverride? Override,
    [property: Id(13)] PayLine? Pay,
    [property: Id(14)] bool Published,
    [property: Id(15)] ReviewResponse? Response);

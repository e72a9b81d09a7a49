using Pulse.Performance;

namespace Pulse.Reviews;

/// <summary>
/// One employee's review as stored. Bounded: at most <see cref="EmployeeReviewGrain.MaxRatedIndicators"/> rated
/// indicators, one rating each (a change replaces it, keeping who and when; the audit log keeps the history), one
/// self-assessment, one response, each text at most <see cref="ReviewInput.MaxText"/> characters.
/// </summary>
[GenerateSerializer, Alias("pulse.employee-review-state")]
public sealed class EmployeeReviewState
{
    [Id(0)] public bool Started { get; set; }

    [Id(1)] public string Name { get; set; } = "";

    [Id(2)] public string DepartmentId { get; set; } = "";

    [Id(3)] public string TemplateId { get; set; } = "";

    [Id(4)] public List<string> RatedIndicators { get; set; } = [];

    [Id(5)] public SelfAssessment? SelfAssessment { get; set; }

    [Id(6)] public List<GivenRating> Ratings { get; set; } = [];

    [Id(7)] public EmployeePerformance? Frozen { get; set; }

    [Id(8)] public string? SuggestedGrade { get; set; }

    [Id(9)] public string? Grade { get; set; }

    [Id(10)] public GradeOverride? Override { get; set; }

    [Id(11)] public PayLine? Pay { get; set; }

    [Id(12)] public bool Published { get; set; }

    [Id(13)] public ReviewResponse? Response { get; set; }

    /// <summary>Ratings are held still while the cycle is being approved (see <c>HoldRatingsAsync</c>).</summary>
    [Id(14)] public bool RatingsHeld { get; set; }
}

namespace Pulse.Reviews;

[GenerateSerializer, Immutable, Alias("pulse.review.self-assessment-input")]
public sealed record SelfAssessmentInput(
    [property: Id(0)] RatingInput[]? Ratings = null,
    [property: Id(1)] string? Comment = null);

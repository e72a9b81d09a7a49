namespace Pulse.Reviews;

/// <summary>The employee's own ratings of the rated indicators and a comment, given before the manager rates (optional, once).</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.self-assessment")]
public sealed record SelfAssessment(
    [property: Id(0)] GivenRating[] Ratings,
    [property: Id(1)] string? Comment,
    [property: Id(2)] DateTimeOffset At);

namespace Pulse.Reviews;

/// <summary>One rating to give: a rated (behavioural) indicator of the employee's template, a value on its scale (1–5), and a comment (required from a manager, up to 2,000 characters).</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.rating-input")]
public sealed record RatingInput(
    [property: Id(0)] string? IndicatorId = null,
    [property: Id(1)] decimal? Rating = null,
    [property: Id(2)] string? Comment = null);

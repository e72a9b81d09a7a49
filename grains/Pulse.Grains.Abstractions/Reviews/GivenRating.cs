namespace Pulse.Reviews;

/// <summary>A rating as stored: who gave it (account name) and when.</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.given-rating")]
public sealed record GivenRating(
    [property: Id(0)] string IndicatorId,
    [property: Id(1)] decimal Rating,
    [property: Id(2)] string? Comment,
    [property: Id(3)] string By,
    [property: Id(4)] DateTimeOffset At);

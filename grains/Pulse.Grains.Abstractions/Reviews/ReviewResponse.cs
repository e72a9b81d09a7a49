namespace Pulse.Reviews;

[GenerateSerializer, Immutable, Alias("pulse.review.response")]
public sealed record ReviewResponse(
    [property: Id(0)] ReviewResponseKind Kind,
    [property: Id(1)] string? Text,
    [property: Id(2)] DateTimeOffset At);

namespace Pulse.Reviews;

[GenerateSerializer, Immutable, Alias("pulse.review.response-input")]
public sealed record ReviewResponseInput(
    [property: Id(0)] ReviewResponseKind? Kind = null,
    [property: Id(1)] string? Text = null);

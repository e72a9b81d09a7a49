namespace Pulse.Reviews;

/// <summary>A grade given to a composite of at least <see cref="MinComposite"/>; its pay coefficient (绩效系数).</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.grade-band")]
public sealed record GradeBand(
    [property: Id(0)] string Grade,
    [property: Id(1)] decimal MinComposite,
    [property: Id(2)] decimal Coefficient);

namespace Pulse.Templates;

/// <summary>Breached while the indicator's value compares true with <see cref="Threshold"/> over at least <see cref="MinSamples"/> events.</summary>
[GenerateSerializer, Immutable, Alias("pulse.alert-rule")]
public sealed record AlertRule(
    [property: Id(0)] string Id,
    [property: Id(1)] Comparator Comparator,
    [property: Id(2)] decimal Threshold,
    [property: Id(3)] int MinSamples = 1);

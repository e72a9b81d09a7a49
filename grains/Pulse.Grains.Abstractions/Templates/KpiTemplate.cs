namespace Pulse.Templates;

/// <summary>
/// A versioned KPI template. <see cref="Version"/> and <see cref="EffectiveFrom"/> (the period it first applies to)
/// are set by the system when a version is published.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.template")]
public sealed record KpiTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] KpiSection[] Sections,
    [property: Id(3)] int Version = 0,
    [property: Id(4)] string? EffectiveFrom = null,
    [property: Id(5)] DateTimeOffset? PublishedAt = null);

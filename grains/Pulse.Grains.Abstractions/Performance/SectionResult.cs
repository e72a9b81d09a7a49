using Pulse.Templates;

namespace Pulse.Performance;

/// <summary>A section's score is the weighted mean of its scored indicators (null when none is scored yet).</summary>
[GenerateSerializer, Immutable, Alias("pulse.section-result")]
public sealed record SectionResult(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] decimal Weight,
    [property: Id(3)] decimal? Score,
    [property: Id(4)] IndicatorResult[] Indicators);

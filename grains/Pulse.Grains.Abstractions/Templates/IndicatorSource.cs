namespace Pulse.Templates;

[GenerateSerializer, Immutable, Alias("pulse.indicator-source")]
public sealed record IndicatorSource(
    [property: Id(0)] SourceKind Kind,
    [property: Id(1)] Measure? Measure = null);

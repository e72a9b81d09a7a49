namespace Pulse.Templates;

[GenerateSerializer, Immutable, Alias("pulse.indicator")]
public sealed record Indicator(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] decimal Weight,
    [property: Id(3)] IndicatorSource Source,
    [property: Id(4)] decimal Target,
    [property: Id(5)] Direction Direction = Direction.HigherIsBetter,
    [property: Id(6)] string Unit = "",
    [property: Id(7)] ScoringRule? Scoring = null,
    [property: Id(8)] AlertRule[]? Alerts = null);

namespace Pulse.Templates;

[GenerateSerializer, Immutable, Alias("pulse.section")]
public sealed record KpiSection(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] decimal Weight,
    [property: Id(3)] Indicator[] Indicators);

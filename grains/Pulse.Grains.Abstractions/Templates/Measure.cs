namespace Pulse.Templates;

/// <summary>
/// A running aggregate over business events. <c>count</c>, <c>sum(field)</c>, <c>avg(field)</c> and
/// <c>latest(field)</c> read events of <see cref="EventType"/>; <c>ratio</c> divides
/// <see cref="Numerator"/> by <see cref="Denominator"/> (each a count or a sum).
/// <see cref="Multiplier"/> scales the value, e.g. 100 for a percentage.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.measure")]
public sealed record Measure(
    [property: Id(0)] MeasureKind Kind,
    [property: Id(1)] string? EventType = null,
    [property: Id(2)] string? Field = null,
    [property: Id(3)] MeasureFilter? Filter = null,
    [property: Id(4)] Measure? Numerator = null,
    [property: Id(5)] Measure? Denominator = null,
    [property: Id(6)] decimal Multiplier = 1);

namespace Pulse.Templates;

/// <summary>Only events whose <see cref="Field"/> equals <see cref="EqualTo"/> (compared as text) count.</summary>
[GenerateSerializer, Immutable, Alias("pulse.measure-filter")]
public sealed record MeasureFilter(
    [property: Id(0)] string Field,
    [property: Id(1)] string EqualTo);

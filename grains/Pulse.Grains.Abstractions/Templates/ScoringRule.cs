namespace Pulse.Templates;

/// <summary>
/// Linear to target. Higher-is-better: score = 100 × value / target, capped at <see cref="CapPercent"/>.
/// Lower-is-better: 100 at or below the target, 0 at or above <see cref="ZeroScoreAt"/>, linear between.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.scoring-rule")]
public sealed record ScoringRule(
    [property: Id(0)] decimal CapPercent = 120,
    [property: Id(1)] decimal? ZeroScoreAt = null);

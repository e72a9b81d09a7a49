using Pulse.Templates;

namespace Pulse.Performance;

/// <summary>
/// One indicator for one period. <see cref="Attainment"/> is the percent of target reached (for lower-is-better,
/// target ÷ value); <see cref="Remaining"/> is what is still needed to reach the target (higher-is-better, additive measures);
/// <see cref="Projected"/> is the month-end value at the pace so far.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.indicator-result")]
public sealed record IndicatorResult(
    [property: Id(0)] string Id,
    [property: Id(1)] LocalizedText Name,
    [property: Id(2)] string Unit,
    [property: Id(3)] Direction Direction,
    [property: Id(4)] decimal Weight,
    [property: Id(5)] decimal Target,
    [property: Id(6)] IndicatorStatus Status,
    [property: Id(7)] decimal? Value,
    [property: Id(8)] decimal? Attainment,
    [property: Id(9)] decimal? Score,
    [property: Id(10)] decimal? Remaining,
    [property: Id(11)] decimal? Projected,
    [property: Id(12)] long Samples,
    [property: Id(13)] string Summary);

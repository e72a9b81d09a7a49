using Pulse.Templates;

namespace Pulse.Reviews;

/// <summary>One indicator's averages over the members that have it (<see cref="Members"/>); the value average is null when only scores are known (the live month).</summary>
public sealed record IndicatorAverage(string IndicatorId, LocalizedText? Name, decimal? AverageValue, decimal? AverageScore, int Members);

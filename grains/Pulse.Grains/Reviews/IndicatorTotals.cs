namespace Pulse.Reviews;

/// <summary>
/// One indicator's sums over a department's results of a month: the values and the scores summed and counted apart
/// (a result may carry a value without a score, or the other way round).
/// </summary>
public sealed record IndicatorTotals(decimal ValueSum, int ValueCount, decimal ScoreSum, int ScoreCount)
{
    public static IndicatorTotals Zero { get; } = new(0m, 0, 0m, 0);

    public IndicatorTotals Plus(IndicatorTotals other) =>
        new(ValueSum + other.ValueSum, ValueCount + other.ValueCount, ScoreSum + other.ScoreSum, ScoreCount + other.ScoreCount);
}

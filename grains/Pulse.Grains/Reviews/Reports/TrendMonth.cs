namespace Pulse.Reviews;

/// <summary>
/// One month of a department trend: from the archive, or <see cref="Live"/> for the open month. <see cref="Members"/>
/// counts the results averaged (archived rows, or the live department's reporting members).
/// </summary>
public sealed record TrendMonth(string Period, bool Live, int Members, decimal? AverageComposite, IReadOnlyList<IndicatorAverage> Indicators);

using Pulse.Performance;

namespace Pulse.Scoring;

/// <summary>
/// The quantitative part of a frozen scorecard as one number, the calibration's tie-breaker: the scored measured
/// indicators (not rated ones), each weighed by its section's weight × its own weight; 2 decimals; null when none is scored.
/// </summary>
public static class QuantitativeScore
{
    public static decimal? Of(EmployeePerformance? frozen, IReadOnlyCollection<string> ratedIndicators)
    {
        if (frozen is null) return null;
        var mean = new WeightedMean();
        foreach (var section in frozen.Sections)
        {
            foreach (var indicator in section.Indicators)
            {
                if (indicator.Status == IndicatorStatus.PendingRating || ratedIndicators.Contains(indicator.Id)) continue;
                if (indicator.Score is { } score) mean.Add(section.Weight * indicator.Weight, score);
            }
        }
        return Rounding.Report(mean.Value);
    }
}

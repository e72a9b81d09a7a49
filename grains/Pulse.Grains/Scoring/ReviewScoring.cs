using Pulse.Performance;

namespace Pulse.Scoring;

/// <summary>
/// The final composite of a monthly review: the frozen quantitative scores and the manager's ratings, weighed as the
/// template weighs them. Pure: the same frozen scorecard and ratings give the same composite on every silo, in every
/// recomputation and in a test computing it by hand.
/// </summary>
/// <remarks>
/// It weighs exactly as <see cref="ScoreCalculator"/> does: a section's score is the weighted mean of its scored
/// indicators, the composite the weighted mean of the scored sections, rounded once to 2 decimals half away from zero.
/// A quantitative indicator counts with its score as frozen (the 2-decimal score the employee sees, so the composite can
/// be recomputed by hand from the published result). A rated indicator counts <see cref="Ratings.Score"/> of its
/// rating; one still without a rating leaves its weight to the others and keeps the composite provisional. A
/// quantitative indicator with no data at the freeze (e.g. a ratio with nothing to divide by) leaves its weight to the
/// others too, as <see cref="ScoreCalculator"/> renormalises, but does not hold the review open: after the freeze no
/// data can come, so waiting for it would keep the month open forever. An indicator is rated when the frozen scorecard
/// shows it waiting for a rating (<see cref="IndicatorStatus.PendingRating"/>) or when a rating for it is given.
/// </remarks>
public static class ReviewScoring
{
    /// <summary>
    /// Ratings are whole steps of the 1–5 scale (1, 2, 3, 4 or 5: 20 points a step): a scale people give without
    /// deliberating over halves, whose scores (20…100) are the anchors the grade bands are set against.
    /// </summary>
    public static bool IsOnScale(decimal rating) => Ratings.IsValid(rating) && rating == decimal.Truncate(rating);

    public static ReviewComposite Composite(EmployeePerformance frozen, IReadOnlyDictionary<string, decimal> ratings)
    {
        ArgumentNullException.ThrowIfNull(frozen);
        ArgumentNullException.ThrowIfNull(ratings);
        var composite = new WeightedMean();
        var pending = new List<string>();
        var sections = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var section in frozen.Sections)
        {
            var mean = new WeightedMean();
            foreach (var indicator in section.Indicators)
            {
                if (ratings.TryGetValue(indicator.Id, out var rating) && IsOnScale(rating))
                {
                    mean.Add(indicator.Weight, Ratings.Score(rating));
                }
                else if (indicator.Status == IndicatorStatus.PendingRating)
                {
                    pending.Add(indicator.Id);
                }
                else if (indicator.Score is { } score)
                {
                    mean.Add(indicator.Weight, score);
                }
            }

            sections[section.Id] = Rounding.Report(mean.Value);
            if (mean.Value is { } sectionScore)
            {
                composite.Add(section.Weight, sectionScore);
            }
        }

        return new ReviewComposite(Rounding.Report(composite.Value), pending.Count == 0, pending, sections);
    }
}

using Pulse.Performance;
using Pulse.Templates;

namespace Pulse.Scoring;

/// <summary>
/// Turns a period's folded totals and the manager's ratings into the reported scorecard. Pure: the same inputs give
/// the same scorecard whether it is a live update, a rebuild from the log or a what-if preview.
/// </summary>
/// <remarks>
/// Every reported number is rounded to 2 decimals (half away from zero), but section scores and the composite are
/// computed from the unrounded indicator scores, so rounding happens once and never compounds.
/// Weights are renormalised over what is scored: an indicator without data or rating yet leaves its weight to the
/// others, and the composite stays provisional (<see cref="Scorecard.IsComplete"/> false) until everything is in.
/// The projected composite is scored the same way from each indicator's month-end projection (its current score where
/// there is no projection), so it judges the pace rather than how much of the month has passed.
/// </remarks>
public static class ScoreCalculator
{
    public static Scorecard Score(
        TemplatePlan plan,
        PeriodAccumulator accumulator,
        IReadOnlyDictionary<string, decimal> ratings,
        decimal elapsedFraction,
        string locale)
    {
        var sections = plan.Template.Sections;
        var results = new SectionResult[sections.Length];
        var pending = new List<string>();
        var composite = new WeightedMean();
        var projectedComposite = new WeightedMean();
        var byIndicator = plan.Indicators.ToLookup(i => i.SectionIndex);

        for (var s = 0; s < sections.Length; s++)
        {
            var mean = new WeightedMean();
            var projectedMean = new WeightedMean();
            var indicators = new List<IndicatorResult>();
            foreach (var indicator in byIndicator[s])
            {
                indicators.Add(Indicator(indicator, accumulator, ratings, elapsedFraction, locale, mean, projectedMean, pending));
            }

            var sectionScore = mean.Value;
            if (sectionScore is { } score)
            {
                composite.Add(sections[s].Weight, score);
            }

            if (projectedMean.Value is { } projectedScore)
            {
                projectedComposite.Add(sections[s].Weight, projectedScore);
            }

            results[s] = new SectionResult(sections[s].Id, sections[s].Name, sections[s].Weight, Rounding.Report(sectionScore), [.. indicators]);
        }

        return new Scorecard(results, Rounding.Report(composite.Value), pending.Count == 0, [.. pending], Rounding.Report(projectedComposite.Value));
    }

    private static IndicatorResult Indicator(
        IndicatorPlan plan,
        PeriodAccumulator accumulator,
        IReadOnlyDictionary<string, decimal> ratings,
        decimal elapsedFraction,
        string locale,
        WeightedMean section,
        WeightedMean projectedSection,
        List<string> pending)
    {
        var indicator = plan.Indicator;
        var measure = plan.Measure;
        IndicatorStatus status;
        decimal? value, attainment = null, score = null, remaining = null, projected = null;
        long samples;

        if (measure is null)
        {
            var rated = ratings.TryGetValue(indicator.Id, out var rating);
            status = rated ? IndicatorStatus.Scored : IndicatorStatus.PendingRating;
            value = rated ? rating : null;
            samples = rated ? 1 : 0;
            if (rated)
            {
                score = attainment = Ratings.Score(rating);
                projected = rating;
            }
        }
        else
        {
            var reading = measure.Read(accumulator);
            value = reading.Value;
            samples = reading.Samples;
            status = value is null ? IndicatorStatus.NoData : IndicatorStatus.Scored;
            if (value is { } v)
            {
                attainment = LinearScoring.Attainment(indicator.Direction, v, indicator.Target);
                score = LinearScoring.Score(indicator.Direction, v, indicator.Target, indicator.Scoring);
                if (measure.IsAdditive && indicator.Direction == Direction.HigherIsBetter)
                {
                    remaining = Math.Max(0m, Saturating.Subtract(indicator.Target, v));
                }

                // Count and sum grow with time, so their pace extrapolates; an average, a latest or a ratio already is one.
                projected = !measure.IsAdditive ? v : elapsedFraction > 0m ? Saturating.Divide(v, Math.Min(elapsedFraction, 1m)) : null;
            }
        }

        if (score is { } s)
        {
            section.Add(indicator.Weight, s);
            var projectedScore = measure is not null && projected is { } p ? LinearScoring.Score(indicator.Direction, p, indicator.Target, indicator.Scoring) : s;
            projectedSection.Add(indicator.Weight, projectedScore);
        }
        else
        {
            pending.Add(indicator.Id);
        }

        var reported = (Value: Rounding.Report(value), Attainment: Rounding.Report(attainment), Remaining: Rounding.Report(remaining));
        var summary = SummaryWriter.Write(indicator, measure, status, reported.Value, reported.Attainment, reported.Remaining, locale);
        return new IndicatorResult(
            indicator.Id,
            indicator.Name,
            indicator.Unit,
            indicator.Direction,
            indicator.Weight,
            indicator.Target,
            status,
            reported.Value,
            reported.Attainment,
            Rounding.Report(score),
            reported.Remaining,
            Rounding.Report(projected),
            samples,
            summary);
    }
}

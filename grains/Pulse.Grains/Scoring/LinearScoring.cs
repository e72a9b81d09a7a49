using Pulse.Templates;

namespace Pulse.Scoring;

/// <summary>The scoring rule of <see cref="ScoringRule"/>: linear to target, capped above, floored at 0.</summary>
public static class LinearScoring
{
    public const decimal DefaultCapPercent = 120m;

    /// <summary>
    /// Higher-is-better: 100 × value ÷ target, at most the cap, at least 0.
    /// Lower-is-better: 100 at or below target, 0 at or above ZeroScoreAt (default 2 × target), linear between;
    /// with a target of 0 and no ZeroScoreAt there is no slope, so only 0 scores 100.
    /// </summary>
    public static decimal Score(Direction direction, decimal value, decimal target, ScoringRule? rule)
    {
        if (direction == Direction.HigherIsBetter)
        {
            var cap = rule?.CapPercent ?? DefaultCapPercent;
            return Math.Max(0m, Math.Min(Attainment(direction, value, target), cap));
        }

        if (value <= target)
        {
            return 100m;
        }

        var zeroAt = rule?.ZeroScoreAt ?? Saturating.Multiply(2m, target);
        if (value >= zeroAt || zeroAt <= target)
        {
            return 0m;
        }

        try
        {
            return 100m * (zeroAt - value) / (zeroAt - target);
        }
        catch (OverflowException)
        {
            // Only at the edge of the decimal range; the fraction lies between 0 and 1, its differences saturate.
            return 100m * Math.Clamp(Saturating.Divide(Saturating.Subtract(zeroAt, value), Saturating.Subtract(zeroAt, target)), 0m, 1m);
        }
    }

    /// <summary>
    /// Percent of target reached. Higher-is-better: 100 × value ÷ target (a target of 0, which the validator refuses,
    /// counts as reached). Lower-is-better: 100 at or below target, else 100 × target ÷ value.
    /// </summary>
    public static decimal Attainment(Direction direction, decimal value, decimal target)
    {
        if (direction == Direction.HigherIsBetter)
        {
            if (target <= 0m)
            {
                return 100m;
            }

            try
            {
                return 100m * value / target;
            }
            catch (OverflowException)
            {
                return Saturating.Multiply(100m, Saturating.Divide(value, target));
            }
        }

        if (value <= target)
        {
            return 100m;
        }

        if (target <= 0m)
        {
            return 0m;
        }

        try
        {
            return 100m * target / value;
        }
        catch (OverflowException)
        {
            return 100m * (target / value); // value > target > 0: the quotient is below 1
        }
    }
}

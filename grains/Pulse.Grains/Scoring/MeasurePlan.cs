using Pulse.Templates;

namespace Pulse.Scoring;

/// <summary>
/// A compiled measure: which aggregate(s) it reads and how it turns them into a value.
/// Count and sum of nothing are 0; avg of nothing, latest never set and a ratio over a zero denominator have no value.
/// </summary>
public sealed class MeasurePlan
{
    private MeasurePlan(MeasureKind kind, decimal multiplier, AggregateSpec? aggregate, MeasurePlan? numerator, MeasurePlan? denominator)
    {
        Kind = kind;
        Multiplier = multiplier;
        Aggregate = aggregate;
        Numerator = numerator;
        Denominator = denominator;
    }

    public MeasureKind Kind { get; }

    public decimal Multiplier { get; }

    /// <summary>The aggregate a simple measure reads; null for a ratio.</summary>
    public AggregateSpec? Aggregate { get; }

    public MeasurePlan? Numerator { get; }

    public MeasurePlan? Denominator { get; }

    /// <summary>Count and sum grow with every event, so they can be projected to month end and have a "remaining".</summary>
    public bool IsAdditive => Kind is MeasureKind.Count or MeasureKind.Sum;

    public static MeasurePlan Compile(Measure measure)
    {
        if (measure.Kind != MeasureKind.Ratio)
        {
            return new MeasurePlan(measure.Kind, measure.Multiplier, AggregateSpec.For(measure), null, null);
        }

        if (measure.Numerator is null || measure.Denominator is null)
        {
            throw new ArgumentException("A ratio needs a numerator and a denominator.", nameof(measure));
        }

        var numerator = Compile(measure.Numerator);
        var denominator = Compile(measure.Denominator);
        if (!numerator.IsAdditive || !denominator.IsAdditive)
        {
            throw new ArgumentException("A ratio divides a count or a sum by a count or a sum.", nameof(measure));
        }

        return new MeasurePlan(MeasureKind.Ratio, measure.Multiplier, null, numerator, denominator);
    }

    /// <summary>The simple aggregates this measure reads.</summary>
    public IEnumerable<AggregateSpec> Aggregates() =>
        Aggregate is not null ? [Aggregate] : [.. Numerator!.Aggregates(), .. Denominator!.Aggregates()];

    public MeasureReading Read(PeriodAccumulator accumulator)
    {
        if (Kind == MeasureKind.Ratio)
        {
            var numerator = Numerator!.Read(accumulator);
            var denominator = Denominator!.Read(accumulator);

            // Samples of a ratio are the denominator's events: "3 complaints of 40 loans" rests on 40 loans.
            return denominator.Value is { } below && below != 0m && numerator.Value is { } above
                ? new MeasureReading(Saturating.Multiply(Saturating.Divide(above, below), Multiplier), denominator.Samples)
                : new MeasureReading(null, denominator.Samples);
        }

        var totals = accumulator.TotalsOf(Aggregate!.Key);
        decimal? value = Kind switch
        {
            MeasureKind.Count => totals.Count,
            MeasureKind.Sum => totals.Sum,
            MeasureKind.Avg => totals.Count == 0 ? null : Saturating.Divide(totals.Sum, totals.Count),
            MeasureKind.Latest => totals.Latest,
            _ => null,
        };
        return new MeasureReading(value is { } v ? Saturating.Multiply(v, Multiplier) : null, totals.Count);
    }
}

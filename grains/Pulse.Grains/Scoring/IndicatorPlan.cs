using Pulse.Templates;

namespace Pulse.Scoring;

/// <summary>An indicator with its measure compiled (null for a manager-rated indicator).</summary>
public sealed record IndicatorPlan(Indicator Indicator, int SectionIndex, MeasurePlan? Measure)
{
    public string Id => Indicator.Id;

    public IReadOnlyList<AlertRule> Alerts => Indicator.Alerts ?? [];

    public MeasureReading Read(PeriodAccumulator accumulator) =>
        Measure?.Read(accumulator) ?? new MeasureReading(null, 0);
}

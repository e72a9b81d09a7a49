namespace Pulse.Performance;

[GenerateSerializer]
public enum IndicatorStatus
{
    /// <summary>Value and score are known.</summary>
    Scored,

    /// <summary>A measure with nothing to compute yet (e.g. a ratio whose denominator is zero).</summary>
    NoData,

    /// <summary>A manager rating not given yet.</summary>
    PendingRating,
}

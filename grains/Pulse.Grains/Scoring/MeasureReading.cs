namespace Pulse.Scoring;

/// <summary>A measure's current value (null when there is nothing to compute yet) and the events behind it.</summary>
public readonly record struct MeasureReading(decimal? Value, long Samples);

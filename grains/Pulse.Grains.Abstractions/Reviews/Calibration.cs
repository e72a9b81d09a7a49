namespace Pulse.Reviews;

/// <summary>The cycle's calibration: every participant ranked, and how many have each final grade.</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.calibration")]
public sealed record Calibration(
    [property: Id(0)] string Period,
    [property: Id(1)] ReviewPolicy Policy,
    [property: Id(2)] CalibrationRow[] Rows,
    [property: Id(3)] Dictionary<string, int> GradeCounts);

namespace Pulse.Scoring;

/// <summary>
/// One person to calibrate: the quota group they count in (the tenant, or their top-level department), their composite
/// and their quantitative score (the tie-breaker); null when nothing is scored.
/// </summary>
public sealed record CalibrationCandidate(string EmployeeId, string Group, decimal? Composite, decimal? QuantitativeScore);

namespace Pulse.Reviews;

/// <summary>
/// Where a monthly review cycle is: <see cref="Open"/> while the month runs; <see cref="Rating"/> from month end, while
/// managers rate and late events may still arrive (the grace window); <see cref="Calibrating"/> once the quantitative
/// values are frozen at the end of the grace window, while HR sets the grades; <see cref="Approved"/> locks the
/// results, which are published and paid; <see cref="Archived"/> is read-only (reopening is an audited HR action).
/// </summary>
[GenerateSerializer]
public enum CycleStatus
{
    Open,
    Rating,
    Calibrating,
    Approved,
    Archived,
}

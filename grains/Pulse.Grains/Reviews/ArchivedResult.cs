namespace Pulse.Reviews;

/// <summary>
/// One employee's final result for one month as the reports read it: from an approved cycle, or imported from the
/// system a company used before Pulse (<see cref="Source"/> <c>cycle</c> or <c>import</c>). Indicator values and scores
/// are keyed by indicator id.
/// </summary>
public sealed record ArchivedResult(
    string EmployeeId,
    string DepartmentId,
    decimal? Composite,
    string? Grade,
    IReadOnlyDictionary<string, decimal> IndicatorValues,
    IReadOnlyDictionary<string, decimal> IndicatorScores,
    string Source);

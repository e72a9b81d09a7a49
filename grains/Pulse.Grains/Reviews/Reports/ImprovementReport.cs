namespace Pulse.Reviews;

/// <summary>
/// A person's month from the archive: each indicator against the department average and their previous month, their
/// own last six months (this one included, oldest first), strengths and weaknesses (indicator ids, best first and
/// worst first), and <see cref="MostMoved"/>: the indicator whose score changed most since the previous month (ties:
/// the lower indicator id).
/// </summary>
public sealed record ImprovementReport(
    string EmployeeId,
    string Period,
    string DepartmentId,
    decimal? Composite,
    string? Grade,
    decimal? DepartmentAverageComposite,
    IReadOnlyList<ImprovementIndicator> Indicators,
    IReadOnlyList<ImprovementMonth> History,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Weaknesses,
    string? MostMoved,
    int SkippedRows);

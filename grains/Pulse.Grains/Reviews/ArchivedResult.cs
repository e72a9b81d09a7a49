namespace Pulse.Reviews;

/// <summary>
/// One employee's final result for one month as the reports read it: from an approved cycle, or imported from the
/// system a company used before Pulse (<see cref="Source"/> <c>cycle</c> or <c>import</c>). Indicator values and scores
/// are keyed by indicator id. <see cref="DepartmentId"/> is the department the employee belonged to that month.
/// <see cref="PayAmount"/> is the month's performance pay (base × grade coefficient) in <see cref="Currency"/>, as the
/// approved cycle computed it; the payroll summary report sums it (null for an import, which carries no pay).
/// </summary>
public sealed record ArchivedResult(
    string EmployeeId,
    string DepartmentId,
    decimal? Composite,
    string? Grade,
    IReadOnlyDictionary<string, decimal> IndicatorValues,
    IReadOnlyDictionary<string, decimal> IndicatorScores,
    string Source,
    decimal? PayAmount = null,
    string? Currency = null)
{
    /// <summary>The <see cref="Source"/> of a result written by an approved cycle.</summary>
    public const string FromCycle = "cycle";

    /// <summary>The <see cref="Source"/> of a result brought in by the migration import.</summary>
    public const string FromImport = "import";
}

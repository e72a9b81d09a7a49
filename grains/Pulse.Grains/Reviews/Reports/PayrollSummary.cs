namespace Pulse.Reviews;

/// <summary>
/// The month's performance pay by department and grade, summed from the archive's pay amounts (results without one,
/// such as imports, count in the headcount with no amount). <see cref="Currency"/> is the one currency of the amounts.
/// </summary>
public sealed record PayrollSummary(string Period, string? Currency, int Headcount, decimal Amount, IReadOnlyList<PayrollDepartmentLine> Departments, int SkippedRows);

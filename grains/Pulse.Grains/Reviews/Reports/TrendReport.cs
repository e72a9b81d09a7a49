namespace Pulse.Reviews;

/// <summary>
/// A department (sub-departments included) month over month; months without results are absent.
/// <see cref="SkippedRows"/> counts archived rows that could not be read and were left out.
/// </summary>
public sealed record TrendReport(string DepartmentId, string From, string To, IReadOnlyList<TrendMonth> Months, int SkippedRows);

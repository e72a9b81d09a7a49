namespace Pulse.Reviews;

/// <summary>A department's pay for the month (the department each person was in that month, not its sub-departments), per grade.</summary>
public sealed record PayrollDepartmentLine(string DepartmentId, string? Name, int Headcount, decimal Amount, IReadOnlyList<PayrollGradeLine> Grades);

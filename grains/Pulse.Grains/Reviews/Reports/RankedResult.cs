namespace Pulse.Reviews;

public sealed record RankedResult(string EmployeeId, string? Name, string DepartmentId, decimal Composite, string? Grade);

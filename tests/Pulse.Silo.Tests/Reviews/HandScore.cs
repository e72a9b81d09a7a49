namespace Pulse.Silo.Tests.Reviews;

/// <summary>One person's month worked out by hand: the composite and the quantitative score (the tie-breaker), each null when nothing is scored.</summary>
public sealed record HandScore(string EmployeeId, string DepartmentId, decimal? Composite, decimal? Quantitative);

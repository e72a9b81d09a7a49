namespace Pulse.DashboardBench;

/// <summary>The part of a team row the bench reads; the rest is skipped by the deserialiser.</summary>
public sealed record BenchTeamRow(string EmployeeId, long EventCount);

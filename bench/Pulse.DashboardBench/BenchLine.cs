namespace Pulse.DashboardBench;

/// <summary>
/// The part of an <c>employeesChanged</c> line the bench reads: whose it is and how many events it covers. The rest of
/// the line is skipped by the deserialiser, so the client's parsing competes less with the silo for the machine.
/// </summary>
public sealed record BenchLine(string EmployeeId, BenchPerformance? Performance);

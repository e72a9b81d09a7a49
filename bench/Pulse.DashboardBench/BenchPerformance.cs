namespace Pulse.DashboardBench;

/// <summary>The event count of an employee's performance in the open period.</summary>
public sealed record BenchPerformance(long EventCount);

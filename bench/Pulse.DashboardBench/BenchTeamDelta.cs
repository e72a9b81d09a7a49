namespace Pulse.DashboardBench;

/// <summary>The part of a <c>teamChanged</c> push the bench reads: its rows (whose they are and how many events each covers).</summary>
public sealed record BenchTeamDelta(BenchTeamRow[] Rows);

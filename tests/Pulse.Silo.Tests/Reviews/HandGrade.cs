namespace Pulse.Silo.Tests.Reviews;

/// <summary>One person's place in the calibration worked out by hand: rank (1 = best), the grade of their band, the grade the quotas leave.</summary>
public sealed record HandGrade(string EmployeeId, int Rank, decimal? Composite, string BandGrade, string SuggestedGrade);

namespace Pulse.Scoring;

/// <summary>A calibrated person: rank (1 = best, unique), the grade their band gives and the grade the quotas suggest.</summary>
public sealed record CalibratedGrade(string EmployeeId, string Group, int Rank, string BandGrade, string SuggestedGrade);

namespace Pulse.Silo.Apis;

/// <summary>HR's grade for one person in calibration, with the reason (required); a null grade takes the suggestion again.</summary>
public sealed record GradeChange(string? Grade = null, string? Reason = null);

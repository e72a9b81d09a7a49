namespace Pulse.Reviews;

/// <summary>
/// One person in the calibration: their composite and rank (1 = best, ties broken by the documented rule), the grade
/// their band gives, the grade suggested after the quotas, and the final grade (HR's override when there is one).
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.review.calibration-row")]
public sealed record CalibrationRow(
    [property: Id(0)] string EmployeeId,
    [property: Id(1)] string Name,
    [property: Id(2)] string DepartmentId,
    [property: Id(3)] decimal? Composite,
    [property: Id(4)] int Rank,
    [property: Id(5)] string BandGrade,
    [property: Id(6)] string SuggestedGrade,
    [property: Id(7)] string Grade,
    [property: Id(8)] GradeOverride? Override);

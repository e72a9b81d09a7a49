namespace Pulse.Reviews;

/// <summary>
/// Someone whose ratings are not all in yet, and who must rate them: the managers (employee ids) above them, or, when
/// nobody in the organisation is above them (<see cref="RatedByHr"/>, <see cref="ManagerIds"/> empty), HR.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.review.missing-rating")]
public sealed record MissingRating(
    [property: Id(0)] string EmployeeId,
    [property: Id(1)] string Name,
    [property: Id(2)] string DepartmentId,
    [property: Id(3)] string[] ManagerIds,
    [property: Id(4)] bool RatedByHr);

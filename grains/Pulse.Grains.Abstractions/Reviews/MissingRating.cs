namespace Pulse.Reviews;

/// <summary>Someone whose ratings are not all in yet, and the managers (employee ids) who must rate them.</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.missing-rating")]
public sealed record MissingRating(
    [property: Id(0)] string EmployeeId,
    [property: Id(1)] string Name,
    [property: Id(2)] string DepartmentId,
    [property: Id(3)] string[] ManagerIds);

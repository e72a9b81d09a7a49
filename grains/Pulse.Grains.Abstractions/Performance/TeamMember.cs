namespace Pulse.Performance;

/// <summary>One member of a department's team view; <see cref="Performance"/> is null when they have no scores for the period.</summary>
[GenerateSerializer, Immutable, Alias("pulse.team-member")]
public sealed record TeamMember(
    [property: Id(0)] string EmployeeId,
    [property: Id(1)] string Name,
    [property: Id(2)] string DepartmentId,
    [property: Id(3)] EmployeePerformance? Performance);

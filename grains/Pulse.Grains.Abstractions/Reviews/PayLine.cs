namespace Pulse.Reviews;

/// <summary>One employee's performance pay for a cycle: base × the grade's coefficient, in the tenant's currency.</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.pay-line")]
public sealed record PayLine(
    [property: Id(0)] string Period,
    [property: Id(1)] string EmployeeId,
    [property: Id(2)] string Name,
    [property: Id(3)] string DepartmentId,
    [property: Id(4)] string Grade,
    [property: Id(5)] decimal? Composite,
    [property: Id(6)] decimal Base,
    [property: Id(7)] decimal Coefficient,
    [property: Id(8)] decimal Amount,
    [property: Id(9)] string Currency);

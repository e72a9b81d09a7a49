using Pulse.Performance;

namespace Pulse.Live;

/// <summary>
/// An employee's newest scores for the open period, as the live feed carries them. <see cref="DepartmentIds"/> is the
/// employee's department first, then its ancestors up to the root: every department whose view includes the employee.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.live.employee")]
public sealed record EmployeeLine(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string EmployeeId,
    [property: Id(2)] string Name,
    [property: Id(3)] string[] DepartmentIds,
    [property: Id(4)] EmployeePerformance Performance);

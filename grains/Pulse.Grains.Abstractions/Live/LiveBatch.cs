using Pulse.Reviews;

namespace Pulse.Live;

/// <summary>
/// What changed since the previous batch, from one silo. Score lines are coalesced (only the newest per employee or
/// department); alerts, feedback and review notices are sent as they happen, never coalesced away.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.live.batch")]
public sealed record LiveBatch(
    [property: Id(0)] EmployeeLine[] Employees,
    [property: Id(1)] DepartmentLine[] Departments,
    [property: Id(2)] LiveAlert[] Alerts,
    [property: Id(3)] LiveFeedback[] Feedback,
    [property: Id(4)] ReviewNotice[] ReviewNotices);

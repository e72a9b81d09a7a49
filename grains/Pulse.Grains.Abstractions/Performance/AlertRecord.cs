namespace Pulse.Performance;

/// <summary>
/// One crossing of an alert rule. <see cref="AtSeq"/> is the employee stream position of the event that crossed,
/// so a refold of the log finds the same crossings and recording them again changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.alert")]
public sealed record AlertRecord(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string EmployeeId,
    [property: Id(2)] string Period,
    [property: Id(3)] string IndicatorId,
    [property: Id(4)] string RuleId,
    [property: Id(5)] long AtSeq,
    [property: Id(6)] AlertKind Kind,
    [property: Id(7)] decimal Value,
    [property: Id(8)] decimal Threshold,
    [property: Id(9)] DateTimeOffset OccurredAt);

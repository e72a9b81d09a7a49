namespace Pulse.Performance;

/// <summary>
/// An employee's scores for one period. <see cref="Composite"/> is computed over what is scored so far;
/// <see cref="IsComplete"/> is false while <see cref="PendingIndicators"/> lists ratings or data still missing.
/// <see cref="ProjectedComposite"/> scores each indicator's month-end projection as the composite is scored: the
/// composite the month would end with at the pace so far (for a closed period, the composite itself).
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.employee-performance")]
public sealed record EmployeePerformance(
    [property: Id(0)] string EmployeeId,
    [property: Id(1)] string DepartmentId,
    [property: Id(2)] string Period,
    [property: Id(3)] string TemplateId,
    [property: Id(4)] int TemplateVersion,
    [property: Id(5)] decimal? Composite,
    [property: Id(6)] bool IsComplete,
    [property: Id(7)] string[] PendingIndicators,
    [property: Id(8)] SectionResult[] Sections,
    [property: Id(9)] string[] BreachedAlerts,
    [property: Id(10)] long EventCount,
    [property: Id(11)] long StreamPosition,
    [property: Id(12)] DateTimeOffset AsOf,
    [property: Id(13)] decimal? ProjectedComposite = null);

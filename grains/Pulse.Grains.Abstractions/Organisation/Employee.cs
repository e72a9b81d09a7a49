namespace Pulse.Organisation;

/// <summary>An employee; <see cref="Id"/> is the company's employee number.</summary>
[GenerateSerializer, Immutable, Alias("pulse.employee")]
public sealed record Employee(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string DepartmentId,
    [property: Id(3)] string? Title = null,
    [property: Id(4)] decimal PerformancePayBase = 0,
    [property: Id(5)] string[]? ChatIdentities = null,
    [property: Id(6)] bool Active = true);

using Pulse.Performance;

namespace Pulse.Live;

/// <summary>A department's newest aggregates for the open period (sub-departments included), as the live feed carries them.</summary>
[GenerateSerializer, Immutable, Alias("pulse.live.department")]
public sealed record DepartmentLine(
    [property: Id(0)] string TenantId,
    [property: Id(1)] DepartmentPerformance Performance);

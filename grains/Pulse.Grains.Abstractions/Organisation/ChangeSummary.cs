namespace Pulse.Organisation;

/// <summary>An applied change: the organisation's new version and how many employees were recomputed.</summary>
[GenerateSerializer, Immutable, Alias("pulse.change-summary")]
public sealed record ChangeSummary(
    [property: Id(0)] long Version,
    [property: Id(1)] int Recomputed);

namespace Pulse.Silo.Apis;

/// <summary>An applied change: the organisation's new version and how many employees were recomputed.</summary>
public sealed record ChangeSummary(long Version, int Recomputed);

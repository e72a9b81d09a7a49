namespace Pulse.Silo.Apis;

/// <summary>Why an archived cycle is opened again (required, audited).</summary>
public sealed record CycleReopening(string? Reason = null);

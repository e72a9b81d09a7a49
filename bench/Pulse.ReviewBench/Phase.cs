namespace Pulse.ReviewBench;

/// <summary>One timed step: its wall time as the client saw it, and what it did or checked.</summary>
public sealed record Phase(string Name, double Milliseconds, string Detail);

namespace Pulse.LoadGenerator;

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max);

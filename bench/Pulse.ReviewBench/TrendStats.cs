using Pulse.LoadGenerator;

namespace Pulse.ReviewBench;

/// <summary>The measured trend requests to one silo: latency per request, how many, in how long, and the failures by kind.</summary>
public sealed record TrendStats(string Silo, Percentiles Latency, long Requests, double Seconds, int Clients, int Months, int RowsPerRequest, IReadOnlyDictionary<string, int> Failures);

using Pulse.LoadGenerator;

namespace Pulse.ChatBench;

/// <summary>Event posted → alert on the employee's open conversation; <see cref="Missed"/> never arrived within 10 s.</summary>
public sealed record AlertStats(Percentiles Latency, long Arrived, int Missed);

using Pulse.LoadGenerator;

namespace Pulse.ChatBench;

/// <summary>Replies timed in the measured window, and the questions that got none (by exception type).</summary>
public sealed record QuestionStats(Percentiles Latency, long Replies, double Seconds, IReadOnlyDictionary<string, int> Failures);

using Pulse.Performance;

namespace Pulse.Scoring;

/// <summary>
/// An employee's scores for a period as far as they are known. <see cref="Composite"/> is provisional while
/// <see cref="IsComplete"/> is false: <see cref="PendingIndicators"/> lists ratings not given and measures without data.
/// <see cref="ProjectedComposite"/> is the composite the month would end with at the pace so far.
/// </summary>
public sealed record Scorecard(SectionResult[] Sections, decimal? Composite, bool IsComplete, string[] PendingIndicators, decimal? ProjectedComposite);

namespace Pulse.Reviews;

/// <summary>One of the person's own archived months.</summary>
public sealed record ImprovementMonth(
    string Period,
    decimal? Composite,
    string? Grade,
    IReadOnlyDictionary<string, decimal> Values,
    IReadOnlyDictionary<string, decimal> Scores);

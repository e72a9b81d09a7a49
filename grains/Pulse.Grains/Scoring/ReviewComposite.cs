namespace Pulse.Scoring;

/// <summary>
/// A review's composite as the template weighs it: <see cref="Composite"/> (2 decimals; null while nothing is scored)
/// is provisional while <see cref="IsComplete"/> is false, i.e. while <see cref="PendingRatings"/> names rated
/// indicators without a rating. <see cref="SectionScores"/> (2 decimals, null for a section with nothing scored) are
/// keyed by section id.
/// </summary>
public sealed record ReviewComposite(
    decimal? Composite,
    bool IsComplete,
    IReadOnlyList<string> PendingRatings,
    IReadOnlyDictionary<string, decimal?> SectionScores);

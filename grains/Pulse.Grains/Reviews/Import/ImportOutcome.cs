namespace Pulse.Reviews;

/// <summary>An import's answer: the summary, or every row error (nothing written), or a refusal of the file as a whole.</summary>
public sealed record ImportOutcome(ImportSummary? Summary, IReadOnlyList<ImportRowError> Errors, string? Refusal = null, bool Forbidden = false);

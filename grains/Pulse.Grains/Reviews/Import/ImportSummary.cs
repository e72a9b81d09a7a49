namespace Pulse.Reviews;

/// <summary>What an import wrote — or, for a dry run, would write: results, months, and employees.</summary>
public sealed record ImportSummary(bool DryRun, int Rows, IReadOnlyList<string> Months, int Employees);

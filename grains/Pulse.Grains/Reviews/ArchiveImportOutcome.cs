namespace Pulse.Reviews;

/// <summary>What an import did: the rows written, or none and the months that a cycle already closed.</summary>
public sealed record ArchiveImportOutcome(int Written, IReadOnlyList<string> CycleMonths)
{
    public bool Succeeded => CycleMonths.Count == 0;
}

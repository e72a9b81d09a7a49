namespace Pulse.Reviews;

/// <summary>Rolls an import back from inside its transaction when a month already holds a cycle's results.</summary>
internal sealed class ArchiveConflictException(IReadOnlyList<string> months) : Exception("A cycle already closed " + string.Join(", ", months))
{
    public IReadOnlyList<string> Months => months;
}

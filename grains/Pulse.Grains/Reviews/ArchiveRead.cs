namespace Pulse.Reviews;

/// <summary>
/// Rows read from the archive; <see cref="Skipped"/> counts rows that could not be read (a damaged row never breaks a
/// report), <see cref="Truncated"/> says more rows matched than the limit.
/// </summary>
public sealed record ArchiveRead(IReadOnlyList<ArchivedMonthResult> Rows, int Skipped, bool Truncated);

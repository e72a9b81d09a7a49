namespace Pulse.Reviews;

/// <summary>
/// Final monthly results, kept for the reports (trend, distribution, personal improvement, payroll summary): SQLite
/// embedded, PostgreSQL in production. One row per (tenant, month, employee). The review cycle writes a month's
/// results when it is approved; the migration import writes months from before Pulse, never over a cycle's month.
/// Reads are bounded: each returns at most the limit it is given and says whether more matched.
/// </summary>
public interface IReviewArchive
{
    /// <summary>Creates the schema if it is not there yet.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the month's results from its cycle, in one transaction (a re-approval writes the month again): every
    /// row of the month — from an earlier approval or an import — gives way to these, stored with source <c>cycle</c>.
    /// </summary>
    Task SaveCycleAsync(string tenantId, string period, IReadOnlyList<ArchivedResult> results, CancellationToken cancellationToken);

    /// <summary>
    /// Writes imported results (source <c>import</c>) in one transaction: all or nothing. A row replaces an earlier
    /// import of the same employee and month; if any of the months has rows from a cycle nothing is written and those
    /// months are returned.
    /// </summary>
    Task<ArchiveImportOutcome> ImportAsync(string tenantId, IReadOnlyList<ArchivedMonthResult> results, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="periods"/> hold results written by a cycle.</summary>
    Task<IReadOnlySet<string>> CyclePeriodsAsync(string tenantId, IReadOnlyCollection<string> periods, CancellationToken cancellationToken = default);

    /// <summary>
    /// The rows matching <paramref name="query"/>, ordered by month then employee, at most <paramref name="limit"/>;
    /// a row that cannot be read is counted in <see cref="ArchiveRead.Skipped"/> instead of failing the read.
    /// </summary>
    Task<ArchiveRead> ReadAsync(string tenantId, ArchiveQuery query, int limit, CancellationToken cancellationToken = default);
}

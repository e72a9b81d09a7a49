namespace Pulse.Reviews;

/// <summary>
/// Final monthly results, kept for the reports (trend, distribution, personal improvement, payroll summary): SQLite
/// embedded, PostgreSQL in production. One row per (tenant, month, employee). The review cycle writes a month's
/// results when it is approved; the migration import writes months from before Pulse, never over a cycle's month.
/// Reads are bounded: each returns at most the limit it is given and says whether more matched. Beside the rows the
/// archive keeps each month's <see cref="DepartmentMonthTotals"/>, written in the transaction that writes the month's
/// rows, so a trend reads a few small rows per month instead of every result.
/// </summary>
public interface IReviewArchive
{
    /// <summary>Creates the schema if it is not there yet.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the month's results from its cycle, in one transaction (a re-approval writes the month again): every
    /// row of the month — from an earlier approval or an import — gives way to these, stored with source <c>cycle</c>.
    /// The month's totals are computed again from its rows in the same transaction.
    /// </summary>
    Task SaveCycleAsync(string tenantId, string period, IReadOnlyList<ArchivedResult> results, CancellationToken cancellationToken);

    /// <summary>
    /// Writes imported results (source <c>import</c>) in one transaction: all or nothing. A row replaces an earlier
    /// import of the same employee and month; if any of the months has rows from a cycle nothing is written and those
    /// months are returned. The totals of every month written are computed again from its rows in the same transaction.
    /// </summary>
    Task<ArchiveImportOutcome> ImportAsync(string tenantId, IReadOnlyList<ArchivedMonthResult> results, CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="periods"/> hold results written by a cycle.</summary>
    Task<IReadOnlySet<string>> CyclePeriodsAsync(string tenantId, IReadOnlyCollection<string> periods, CancellationToken cancellationToken = default);

    /// <summary>
    /// The rows matching <paramref name="query"/>, ordered by month then employee, at most <paramref name="limit"/>;
    /// a row that cannot be read is counted in <see cref="ArchiveRead.Skipped"/> instead of failing the read.
    /// </summary>
    Task<ArchiveRead> ReadAsync(string tenantId, ArchiveQuery query, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The month totals per department of <paramref name="query"/>'s months and departments (an employee is not a
    /// valid narrowing), ordered by month then department. A month that holds rows but no totals — rows written before
    /// the archive kept totals, or totals removed or damaged by hand — has them computed from its rows first, in a write
    /// transaction of its own. The totals agree with the rows as the archive wrote them; a row edited by hand afterwards
    /// counts once its month's totals are removed.
    /// </summary>
    Task<IReadOnlyList<DepartmentMonthTotals>> TotalsAsync(string tenantId, ArchiveQuery query, CancellationToken cancellationToken = default);
}

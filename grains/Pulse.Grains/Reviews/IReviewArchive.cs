namespace Pulse.Reviews;

/// <summary>
/// Final monthly results, kept for the reports (trend, distribution, personal improvement, payroll summary): SQLite
/// embedded, PostgreSQL in production. The review cycle writes a month's results when it is approved.
/// </summary>
public interface IReviewArchive
{
    /// <summary>Replaces the month's results from its cycle, in one transaction (a re-approval writes the month again).</summary>
    Task SaveCycleAsync(string tenantId, string period, IReadOnlyList<ArchivedResult> results, CancellationToken cancellationToken);
}

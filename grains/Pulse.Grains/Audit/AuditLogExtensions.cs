using System.Runtime.CompilerServices;

namespace Pulse.Audit;

/// <summary>Reading more than one page of the audit log, e.g. for an export.</summary>
public static class AuditLogExtensions
{
    /// <summary>
    /// Every entry matching <paramref name="query"/> after its <see cref="AuditQuery.AfterId"/>, oldest first, fetched
    /// page by page with <see cref="AuditQuery.Limit"/> as the page size, so memory stays flat however long the range.
    /// </summary>
    public static async IAsyncEnumerable<AuditRecord> ReadAllAsync(
        this IAuditLog log, AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.Limit, 1, AuditQueryCommand.MaxLimit);
        var page = query with { Limit = pageSize };
        while (true)
        {
            var records = await log.QueryAsync(page, cancellationToken);
            foreach (var record in records)
            {
                yield return record;
            }

            if (records.Count < pageSize)
            {
                yield break;
            }

            page = page with { AfterId = records[^1].Id };
        }
    }
}

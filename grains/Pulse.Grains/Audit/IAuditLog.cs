using Pulse.Security;

namespace Pulse.Audit;

/// <summary>The append-only audit log: entries can be added and read, never changed or removed.</summary>
public interface IAuditLog
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends entries in one transaction; returns once they are durable.</summary>
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Entries of one tenant matching the query, oldest first, each with its position for paging.</summary>
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}

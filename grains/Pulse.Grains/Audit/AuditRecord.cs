using Pulse.Security;

namespace Pulse.Audit;

/// <summary>A stored entry and its position in the log (for paging with <see cref="AuditQuery.AfterId"/>).</summary>
public sealed record AuditRecord(long Id, AuditEntry Entry);

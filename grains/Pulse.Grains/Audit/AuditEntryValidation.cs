using Pulse.Security;

namespace Pulse.Audit;

/// <summary>Rejects an append before anything is written: an entry without tenant, actor, action or target says nothing.</summary>
internal static class AuditEntryValidation
{
    public static void Validate(IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var missing = entry switch
            {
                null => "content",
                { TenantId: var t } when string.IsNullOrWhiteSpace(t) => nameof(AuditEntry.TenantId),
                { Actor: var a } when string.IsNullOrWhiteSpace(a) => nameof(AuditEntry.Actor),
                { Action: var a } when string.IsNullOrWhiteSpace(a) => nameof(AuditEntry.Action),
                { Target: var t } when string.IsNullOrWhiteSpace(t) => nameof(AuditEntry.Target),
                _ => null,
            };
            if (missing is not null)
            {
                throw new ArgumentException($"Audit entry {i} has no {missing}.", nameof(entries));
            }
        }
    }
}

using System.Data.Common;
using Pulse.Security;

namespace Pulse.Audit;

/// <summary>Maps audit rows to <see cref="AuditRecord"/>. Both stores select the columns in <see cref="Columns"/> order.</summary>
internal static class AuditRows
{
    public const string Columns = "id, tenant, at, actor, action, target, before, after";

    public static async Task<IReadOnlyList<AuditRecord>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new AuditEntry(
                TenantId: reader.GetString(1),
                At: AuditTime.Parse(reader.GetString(2)),
                Actor: reader.GetString(3),
                Action: reader.GetString(4),
                Target: reader.GetString(5),
                Before: reader.IsDBNull(6) ? null : reader.GetString(6),
                After: reader.IsDBNull(7) ? null : reader.GetString(7));
            records.Add(new AuditRecord(reader.GetInt64(0), entry));
        }

        return records;
    }
}

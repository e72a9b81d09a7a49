using System.Data.Common;
using System.Text;

namespace Pulse.Audit;

/// <summary>
/// Turns an <see cref="AuditQuery"/> into one SELECT with only the filters it sets. Both stores share it: SQLite and
/// PostgreSQL both accept <c>@name</c> parameters, <c>LIKE ... ESCAPE</c> and <c>substr</c>.
/// </summary>
internal static class AuditQueryCommand
{
    public const int MaxLimit = 1000;

    public static void Prepare(DbCommand command, string table, AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.TenantId, nameof(query));

        var sql = new StringBuilder($"SELECT {AuditRows.Columns} FROM {table} WHERE tenant = @tenant AND id > @after_id");
        Add(command, "tenant", query.TenantId);
        Add(command, "after_id", query.AfterId);

        if (query.From is { } from)
        {
            sql.Append(" AND at_utc >= @from");
            Add(command, "from", AuditTime.UtcKey(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND at_utc < @to");
            Add(command, "to", AuditTime.UtcKey(to));
        }

        if (query.Actor is { } actor)
        {
            sql.Append(" AND actor = @actor");
            Add(command, "actor", actor);
        }

        if (!string.IsNullOrEmpty(query.ActionPrefix))
        {
            // SQLite's LIKE ignores ASCII case; the substr test keeps the prefix exact in both stores.
            sql.Append(@" AND action LIKE @action_pattern ESCAPE '\' AND substr(action, 1, length(@action_prefix)) = @action_prefix");
            Add(command, "action_pattern", EscapeLike(query.ActionPrefix) + "%");
            Add(command, "action_prefix", query.ActionPrefix);
        }

        sql.Append(" ORDER BY id LIMIT @limit");
        Add(command, "limit", Math.Clamp(query.Limit, 1, MaxLimit));
        command.CommandText = sql.ToString();
    }

    internal static string EscapeLike(string value) => value
        .Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

using Npgsql;
using NpgsqlTypes;

namespace Pulse.EventLog;

/// <summary>Array parameters for the log's <c>unnest()</c> statements: one parameter carries a column of a whole batch.</summary>
internal static class PostgresArrays
{
    public static NpgsqlParameter<string?[]> Text(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] };

    public static NpgsqlParameter<long[]> Bigint(string name, IEnumerable<long> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. values] };

    public static NpgsqlParameter<decimal[]> Numeric(string name, IEnumerable<decimal> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Numeric) { TypedValue = [.. values] };
}

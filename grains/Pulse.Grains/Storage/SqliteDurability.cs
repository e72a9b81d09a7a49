using Microsoft.Data.Sqlite;

namespace Pulse.Storage;

/// <summary>
/// Makes a connection's commits durable before they are acknowledged. The setting is per connection — pooled
/// connections forget nothing, but new ones start at WAL's default (NORMAL), which may lose the last commits on
/// power loss — so every writer applies it to the connection it opens.
/// </summary>
internal static class SqliteDurability
{
    public static async Task RequireFullSyncAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }
}

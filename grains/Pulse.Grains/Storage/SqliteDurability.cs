using Microsoft.Data.Sqlite;

namespace Pulse.Storage;

/// <summary>
/// The settings every connection that writes a Pulse SQLite file applies. They are per connection — pooled
/// connections keep them, new ones start at SQLite's defaults — so every writer applies them to the connection it opens.
/// </summary>
internal static class SqliteDurability
{
    /// <summary>
    /// FULL: a commit is on disk before it returns (acknowledged means durable), also in WAL mode, where the default
    /// (NORMAL) may lose the last commits on power loss.
    /// The checkpoint threshold, 16,384 pages (64 MB) of write-ahead log instead of SQLite's 1,000, which checkpointed
    /// several times a second under steady ingestion (docs/benchmarks.md, third round).
    /// </summary>
    public const string WriterPragmas = "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 16384;";

    public static async Task ApplyWriterPragmasAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = WriterPragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }
}

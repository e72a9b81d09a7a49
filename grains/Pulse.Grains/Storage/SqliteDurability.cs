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
    /// The checkpoint threshold: after a commit leaves more than this many pages (4 kB) in the write-ahead log, that
    /// commit copies them into the database file before it returns. SQLite's default of 1,000 pages meant a checkpoint
    /// every fraction of a second under steady ingestion, each rewriting the same hot index pages and syncing the
    /// database file; 16,384 pages (64 MB) checkpoints a sixteenth as often and writes each hot page once per round.
    /// The log still restarts from its beginning after every checkpoint, so it stays near that size.
    /// </summary>
    public const string WriterPragmas = "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 16384;";

    public static async Task ApplyWriterPragmasAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = WriterPragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }
}

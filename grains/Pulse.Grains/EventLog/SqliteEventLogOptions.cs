using System.ComponentModel.DataAnnotations;

namespace Pulse.EventLog;

/// <summary>Settings of the embedded SQLite event log.</summary>
public sealed class SqliteEventLogOptions
{
    /// <summary>The database file; its directory is created if missing.</summary>
    [Required]
    public string Path { get; set; } = "data/events.db";

    /// <summary>Most events committed in one transaction; larger batches amortise the fsync further.</summary>
    [Range(1, 100_000)]
    public int MaxBatchEvents { get; set; } = 5000;

    /// <summary>
    /// How often a background checkpoint copies committed pages into the database file, in milliseconds; 0 leaves
    /// checkpoints to the commit that crosses the write-ahead log's threshold (64 MB), which then waits for it.
    /// </summary>
    [Range(0, 60_000)]
    public int CheckpointIntervalMilliseconds { get; set; } = 200;
}

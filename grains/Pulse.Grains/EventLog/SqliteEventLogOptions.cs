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
}

using System.ComponentModel.DataAnnotations;

namespace Pulse.EventLog;

/// <summary>Settings of the PostgreSQL event log.</summary>
public sealed class PostgresEventLogOptions
{
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>The schema holding the tables; a plain lower-case identifier because it is spliced into SQL.</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string Schema { get; set; } = "pulse";

    /// <summary>Most events committed in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchEvents { get; set; } = 5000;

    /// <summary>Batches committing at once, each on its own connection: overlapping round trips and fsyncs.</summary>
    [Range(1, 16)]
    public int MaxConcurrentBatches { get; set; } = 3;

    /// <summary>
    /// The fewest events given a transaction of their own when what is queued is divided among free slots; below
    /// twice this, the queue is committed as one batch.
    /// </summary>
    [Range(1, 100_000)]
    public int MinSplitEvents { get; set; } = 128;
}

using System.ComponentModel.DataAnnotations;

namespace Pulse.Audit;

/// <summary>Settings of the embedded SQLite audit log.</summary>
public sealed class SqliteAuditLogOptions
{
    /// <summary>The database file, separate from the event log's; its directory is created if missing.</summary>
    [Required]
    public string Path { get; set; } = "data/audit.db";
}

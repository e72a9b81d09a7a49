using System.ComponentModel.DataAnnotations;

namespace Pulse.Audit;

/// <summary>Settings of the PostgreSQL audit log.</summary>
public sealed class PostgresAuditLogOptions
{
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>The schema holding the <c>audit</c> table; a plain lower-case identifier because it is spliced into SQL.</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string Schema { get; set; } = "pulse";
}

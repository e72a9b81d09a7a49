using System.ComponentModel.DataAnnotations;

namespace Pulse.Silo.Hosting;

/// <summary>The silo's settings (section <c>Pulse</c>). Validated at start.</summary>
public sealed class PulseOptions
{
    public const string Section = "Pulse";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    [Required, RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Pulse:Storage must be Sqlite or Postgres.")]
    public string Storage { get; set; } = "Sqlite";

    /// <summary>Where the embedded default keeps its files.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Required when <see cref="Storage"/> is Postgres.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Most events one ingestion request may carry.</summary>
    [Range(1, 100_000)]
    public int MaxEventsPerRequest { get; set; } = 5_000;

    /// <summary>The tenant a request addresses when it names none (the demo's, in the embedded default).</summary>
    public string? DefaultTenant { get; set; }
}

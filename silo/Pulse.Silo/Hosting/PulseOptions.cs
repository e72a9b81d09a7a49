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

    /// <summary>The platform operator's key, the only credential that may create tenants; unset means no one may.</summary>
    public string? OperatorKey { get; set; }

    /// <summary>Requests per second each user or API key may make (token bucket; bursts up to twice this).</summary>
    [Range(1, 100_000)]
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Sign-in attempts per minute from one address.</summary>
    [Range(1, 10_000)]
    public int SignInsPerMinute { get; set; } = 20;
}

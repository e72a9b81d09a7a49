using System.ComponentModel.DataAnnotations;

namespace Pulse.Bot.Proactive;

/// <summary>The alert relay's settings (section <c>Pulse:Bot:Alerts</c>). Validated at start.</summary>
public sealed class AlertRelayOptions
{
    public const string Section = "Pulse:Bot:Alerts";

    /// <summary>Most alerts waiting for delivery in this process; past that the oldest are dropped and logged.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How many alerts are delivered at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>
    /// How long this process keeps a tenant's recipient directory (departments' managers, users' linked employees)
    /// for one version of the rules. Accounts have no version, so a user linked or unlinked meanwhile counts after at
    /// most this long; the access policy is asked afresh for every recipient of every alert.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DirectoryCacheFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most tenants whose directory is kept at once.</summary>
    [Range(1, 100_000)]
    public int DirectoryCacheTenants { get; set; } = 1_000;
}

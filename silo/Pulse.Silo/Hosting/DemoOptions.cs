using System.ComponentModel.DataAnnotations;

namespace Pulse.Silo.Hosting;

/// <summary>The demo company and its event simulator (section <c>Pulse:Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Pulse:Demo";

    /// <summary>Creates the seed company on first start when it does not exist yet.</summary>
    public bool Seed { get; set; }

    /// <summary>Posts simulated business events through the public API.</summary>
    public bool Simulate { get; set; }

    [Required]
    public string TenantId { get; set; } = "demo";

    [Range(10, 5_000)]
    public int Employees { get; set; } = 200;

    /// <summary>
    /// About this many simulated events per second (moments of work, most of them one event). It sets the load only: the
    /// figures follow the calendar month whatever the rate.
    /// </summary>
    [Range(0.1, 100_000)]
    public double EventsPerSecond { get; set; } = 20;
}

using System.ComponentModel.DataAnnotations;

namespace Pulse.WebDashboard.Hub;

/// <summary>The dashboard's settings (section <c>Pulse:Dashboard</c>). Validated at start.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Pulse:Dashboard";

    /// <summary>
    /// Shortest time between two score pushes to one group: a quiet group gets a change at once, a busy one at most one
    /// push per interval with the newest lines. Alerts and feedback are not held back. 100 ms: with the live feed's 25 ms
    /// window and the employee's 100 ms between lines, a change reaches a screen within about 250 ms under load
    /// (docs/benchmarks.md, the dashboard's windows).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}

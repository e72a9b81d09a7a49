using System.ComponentModel.DataAnnotations;

namespace Pulse.WebDashboard.Hub;

/// <summary>The dashboard's settings (section <c>Pulse:Dashboard</c>). Validated at start.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Pulse:Dashboard";

    /// <summary>
    /// Shortest time between two score pushes to one group: a quiet group gets a change at once, a busy one at most one
    /// push per interval with the newest lines. Alerts and feedback are not held back.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}

using System.ComponentModel.DataAnnotations;

namespace Pulse.Live;

/// <summary>Timings of the live feed; the defaults suit production, tests shorten them.</summary>
public sealed class LiveFeedOptions
{
    /// <summary>Where the silo binds these from.</summary>
    public const string Section = "Pulse:LiveFeed";

    /// <summary>
    /// Score lines go out at most once per this window (alerts and feedback at once): under load a line is coalesced
    /// with the ones after it, so an employee's twenty changes in one window cost one line, not twenty.
    /// </summary>
    [Range(1, 1_000)]
    public int ScoreWindowMilliseconds { get; set; } = 25;

    /// <summary>How often each silo reads the subscriber list again from the registry.</summary>
    [Range(10, 60_000)]
    public int RefreshSubscribersMilliseconds { get; set; } = 2_000;

    /// <summary>A subscriber not renewed for this long is dropped by the registry.</summary>
    [Range(100, 3_600_000)]
    public int SubscriberExpiryMilliseconds { get; set; } = (int)LiveFeedTimings.Expiry.TotalMilliseconds;

    /// <summary>Most alerts, and most feedback items, waiting to be sent; past that the oldest are dropped and counted.</summary>
    [Range(1, 1_000_000)]
    public int MaxQueued { get; set; } = 10_000;

    public TimeSpan ScoreWindow => TimeSpan.FromMilliseconds(ScoreWindowMilliseconds);

    public TimeSpan RefreshSubscribers => TimeSpan.FromMilliseconds(RefreshSubscribersMilliseconds);

    public TimeSpan SubscriberExpiry => TimeSpan.FromMilliseconds(SubscriberExpiryMilliseconds);
}

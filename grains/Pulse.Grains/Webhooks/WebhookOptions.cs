using System.ComponentModel.DataAnnotations;

namespace Pulse.Webhooks;

/// <summary>Outbound webhooks (section <c>Pulse:Bot:Webhooks</c>); the defaults suit production, tests shorten the timings.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Pulse:Bot:Webhooks";

    /// <summary>Allows <c>http://</c> URLs to loopback hosts (a local receiver in tests or development); never other plain HTTP.</summary>
    public bool AllowInsecureLoopback { get; set; }

    /// <summary>Most targets one tenant may have.</summary>
    [Range(1, 200)]
    public int MaxTargets { get; set; } = 20;

    /// <summary>Attempts per delivery, the first included.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; each later one waits twice as long (with ±20% jitter), up to <see cref="MaxRetryDelayMilliseconds"/>.</summary>
    [Range(1, 600_000)]
    public int FirstRetryDelayMilliseconds { get; set; } = 10_000;

    [Range(1, 3_600_000)]
    public int MaxRetryDelayMilliseconds { get; set; } = 120_000;

    /// <summary>One attempt's time limit: a chat tool that does not answer in time counts as a failure worth retrying.</summary>
    [Range(100, 60_000)]
    public int TimeoutMilliseconds { get; set; } = 5_000;

    /// <summary>Most deliveries waiting per tenant; past that the oldest are dropped and counted.</summary>
    [Range(1, 100_000)]
    public int OutboxCapacity { get; set; } = 500;

    /// <summary>Most deliveries sent at once by one tenant's dispatcher.</summary>
    [Range(1, 100)]
    public int MaxParallel { get; set; } = 8;

    /// <summary>Recent attempts kept per target for <c>/deliveries</c>.</summary>
    [Range(1, 1_000)]
    public int DeliveriesKept { get; set; } = 50;

    public TimeSpan FirstRetryDelay => TimeSpan.FromMilliseconds(FirstRetryDelayMilliseconds);

    public TimeSpan MaxRetryDelay => TimeSpan.FromMilliseconds(MaxRetryDelayMilliseconds);

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(TimeoutMilliseconds);
}

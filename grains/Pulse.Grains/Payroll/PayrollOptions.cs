using System.ComponentModel.DataAnnotations;

namespace Pulse.Payroll;

/// <summary>Delivery of pay lines to payroll (section <c>Pulse:Payroll</c>); the defaults suit production, tests shorten the timings.</summary>
public sealed class PayrollOptions
{
    public const string Section = "Pulse:Payroll";

    /// <summary>Allows an <c>http://</c> endpoint on a loopback host (a local receiver in tests or development); never other plain HTTP.</summary>
    public bool AllowInsecureLoopback { get; set; }

    /// <summary>Attempts per line, the first included; then the line is failed until it is pushed again or the endpoint changes.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the second attempt; each later one waits twice as long (±20% jitter), up to <see cref="MaxRetryDelayMilliseconds"/>.</summary>
    [Range(1, 3_600_000)]
    public int FirstRetryDelayMilliseconds { get; set; } = 30_000;

    [Range(1, 86_400_000)]
    public int MaxRetryDelayMilliseconds { get; set; } = 900_000;

    /// <summary>One attempt's time limit: a payroll system that does not answer in time counts as a failure worth retrying.</summary>
    [Range(100, 120_000)]
    public int TimeoutMilliseconds { get; set; } = 15_000;

    /// <summary>Lines per request.</summary>
    [Range(1, 5_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Most lines one cycle may push (one per employee).</summary>
    [Range(1, 200_000)]
    public int MaxLines { get; set; } = 50_000;

    public TimeSpan FirstRetryDelay => TimeSpan.FromMilliseconds(FirstRetryDelayMilliseconds);

    public TimeSpan MaxRetryDelay => TimeSpan.FromMilliseconds(MaxRetryDelayMilliseconds);

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(TimeoutMilliseconds);
}

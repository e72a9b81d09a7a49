namespace Pulse.Payroll;

/// <summary>Exponential backoff with ±20% jitter, so tenants that failed together do not all retry in the same instant.</summary>
public static class PayrollBackoff
{
    /// <summary>The wait after the given number of failed attempts (1 = after the first).</summary>
    public static TimeSpan After(int failedAttempts, PayrollOptions options)
    {
        var exponential = options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * Random.Shared.NextDouble())));
    }
}

namespace Pulse.Payroll;

/// <summary>What one request came to: delivered, or failed with a reason (never the answer's body) and whether another attempt may succeed.</summary>
public sealed record PayrollOutcome(bool Delivered, bool Retryable, int? HttpStatus, string? Error)
{
    public static PayrollOutcome Ok(int status) => new(true, false, status, null);
}

namespace Pulse.Webhooks;

/// <summary>What one attempt came to: delivered, or failed with a reason and whether another attempt may succeed.</summary>
public sealed record SendOutcome(bool Delivered, bool Retryable, int? HttpStatus, string? Error)
{
    public static SendOutcome Ok(int status) => new(true, false, status, null);
}

namespace Pulse.Reviews;

/// <summary>How the cycle's pay lines stand with the tenant's payroll endpoint.</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.payroll-status")]
public sealed record PayrollStatus(
    [property: Id(0)] bool Configured,
    [property: Id(1)] int Pushed,
    [property: Id(2)] int Pending,
    [property: Id(3)] int Failed,
    [property: Id(4)] string? LastError,
    [property: Id(5)] DateTimeOffset? LastAttemptAt);

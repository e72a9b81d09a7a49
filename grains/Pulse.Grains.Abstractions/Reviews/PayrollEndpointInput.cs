namespace Pulse.Reviews;

/// <summary>
/// The tenant's payroll endpoint as HR sets it: an https URL and the HMAC signing secret. A null
/// <see cref="Secret"/> keeps the stored one (required when none is stored yet).
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.review.payroll-endpoint-input")]
public sealed record PayrollEndpointInput(
    [property: Id(0)] string? Url,
    [property: Id(1)] string? Secret = null);

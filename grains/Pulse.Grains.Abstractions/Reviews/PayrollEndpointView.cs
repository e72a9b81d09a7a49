namespace Pulse.Reviews;

/// <summary>
/// The payroll endpoint as anyone may see it: only scheme, host and port of the URL (<see cref="MaskedUrl"/>) and
/// whether a signing secret is stored; the secret itself never leaves the silo.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.review.payroll-endpoint-view")]
public sealed record PayrollEndpointView(
    [property: Id(0)] bool Configured,
    [property: Id(1)] string? MaskedUrl,
    [property: Id(2)] bool HasSecret,
    [property: Id(3)] DateTimeOffset? UpdatedAt,
    [property: Id(4)] string? UpdatedBy);

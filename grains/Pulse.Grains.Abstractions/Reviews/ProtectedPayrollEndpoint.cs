namespace Pulse.Reviews;

/// <summary>The payroll endpoint as the delivering grain receives it: URL and secret still encrypted for the tenant.</summary>
[GenerateSerializer, Immutable, Alias("pulse.review.protected-payroll-endpoint")]
public sealed record ProtectedPayrollEndpoint(
    [property: Id(0)] string ProtectedUrl,
    [property: Id(1)] string ProtectedSecret);

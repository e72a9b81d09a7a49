using Pulse.Reviews;
using Pulse.Services;

namespace Pulse.Grains;

/// <summary>
/// A tenant's payroll endpoint (key: tenant id): where approved pay lines are posted and the secret that signs them,
/// both stored encrypted; and the recent periods that pushed lines, so a changed endpoint can resume them.
/// </summary>
[Alias("pulse.grain.payroll-endpoint")]
public interface IPayrollEndpointGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<PayrollEndpointView> GetAsync();

    /// <summary>Validates and stores the endpoint; <paramref name="by"/> is who set it.</summary>
    [Alias("set")]
    Task<Answer<PayrollEndpointView>> SetAsync(PayrollEndpointInput input, string by);

    /// <summary>Null when no endpoint is configured.</summary>
    [Alias("protected")]
    Task<ProtectedPayrollEndpoint?> GetProtectedAsync();

    /// <summary>Remembers that the period pushed lines (the most recent periods only).</summary>
    [Alias("note-period")]
    Task NotePeriodAsync(string period);

    [Alias("periods")]
    Task<string[]> GetPeriodsAsync();
}

namespace Pulse.Payroll;

/// <summary>A tenant's payroll endpoint: URL and secret only encrypted (<see cref="PayrollSecrets"/>), and the recent periods that pushed lines (bounded).</summary>
[GenerateSerializer, Alias("pulse.payroll-endpoint-state")]
public sealed class PayrollEndpointState
{
    [Id(0)] public string? ProtectedUrl { get; set; }
    [Id(1)] public string? ProtectedSecret { get; set; }
    [Id(2)] public string? MaskedUrl { get; set; }
    [Id(3)] public DateTimeOffset? UpdatedAt { get; set; }
    [Id(4)] public string? UpdatedBy { get; set; }

    /// <summary>Ascending, at most <see cref="PayrollEndpointGrain.PeriodsKept"/>.</summary>
    [Id(5)] public List<string> Periods { get; set; } = [];
}

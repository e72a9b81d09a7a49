namespace Pulse.Payroll;

/// <summary>A cycle's pay lines on their way to payroll: one entry per employee the cycle ever pushed (bounded by <see cref="PayrollOptions.MaxLines"/>).</summary>
[GenerateSerializer, Alias("pulse.payroll-state")]
public sealed class PayrollState
{
    [Id(0)] public Dictionary<string, PayrollEntry> Lines { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public string? LastError { get; set; }
    [Id(2)] public DateTimeOffset? LastAttemptAt { get; set; }
}

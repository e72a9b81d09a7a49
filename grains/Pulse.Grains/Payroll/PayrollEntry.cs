using Pulse.Reviews;

namespace Pulse.Payroll;

/// <summary>One employee's line in a cycle: the latest content, its hash, the hash payroll last accepted, and the attempts at the current content.</summary>
[GenerateSerializer, Alias("pulse.payroll-entry")]
public sealed class PayrollEntry
{
    [Id(0)] public PayLine Line { get; set; } = null!;
    [Id(1)] public string Hash { get; set; } = "";
    [Id(2)] public string? DeliveredHash { get; set; }
    [Id(3)] public PayrollLineStatus Status { get; set; }
    [Id(4)] public int Attempts { get; set; }
    [Id(5)] public DateTimeOffset NextAttemptAt { get; set; }
    [Id(6)] public string? Error { get; set; }
}

using Pulse.Performance;

namespace Pulse.Scoring;

/// <summary>
/// An alert rule that changed state on the event at <see cref="Seq"/>. <see cref="Value"/> is rounded to 2 decimals
/// like every reported value; the comparison itself used the exact value.
/// </summary>
public sealed record AlertCrossing(string IndicatorId, string RuleId, AlertKind Kind, decimal Value, decimal Threshold, long Seq)
{
    public AlertRecord ToRecord(string tenantId, string employeeId, string period, DateTimeOffset occurredAt) =>
        new(tenantId, employeeId, period, IndicatorId, RuleId, Seq, Kind, Value, Threshold, occurredAt);
}

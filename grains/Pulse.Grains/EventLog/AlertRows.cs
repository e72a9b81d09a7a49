using System.Data.Common;
using Pulse.Performance;

namespace Pulse.EventLog;

/// <summary>Maps alert rows to <see cref="AlertRecord"/>. Both stores select the columns in <see cref="Columns"/> order.</summary>
internal static class AlertRows
{
    public const string Columns = "tenant, employee_id, period, indicator_id, rule_id, at_seq, kind, value, threshold, occurred_at";

    public static async Task<IReadOnlyList<AlertRecord>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var alerts = new List<AlertRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            alerts.Add(new AlertRecord(
                TenantId: reader.GetString(0),
                EmployeeId: reader.GetString(1),
                Period: reader.GetString(2),
                IndicatorId: reader.GetString(3),
                RuleId: reader.GetString(4),
                AtSeq: reader.GetInt64(5),
                Kind: Enum.Parse<AlertKind>(reader.GetString(6)),
                Value: reader.GetDecimal(7),
                Threshold: reader.GetDecimal(8),
                OccurredAt: EventTime.Parse(reader.GetString(9))));
        }

        return alerts;
    }
}

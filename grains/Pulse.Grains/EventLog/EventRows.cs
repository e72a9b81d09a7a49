using System.Data.Common;
using Pulse.Events;

namespace Pulse.EventLog;

/// <summary>
/// Maps event rows to <see cref="StoredEvent"/>. Both stores select the columns in <see cref="Columns"/> order.
/// </summary>
internal static class EventRows
{
    public const string Columns = "seq, event_id, type, employee_id, occurred_at, data, source, period, recorded_at";

    public static async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var evt = new BusinessEvent(
                Id: reader.GetString(1),
                Type: reader.GetString(2),
                EmployeeId: reader.GetString(3),
                OccurredAt: EventTime.Parse(reader.GetString(4)),
                Data: reader.GetString(5),
                Source: reader.IsDBNull(6) ? null : reader.GetString(6));
            events.Add(new StoredEvent(reader.GetInt64(0), evt, reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return events;
    }
}

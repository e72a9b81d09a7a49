using Npgsql;
using NpgsqlTypes;

namespace Pulse.EventLog;

/// <summary>The rows a PostgreSQL batch inserts, written with one binary COPY.</summary>
internal sealed class EventRowsBuffer
{
    private readonly List<(StreamId Stream, long Seq, PendingEvent Pending)> _rows = [];

    public int Count => _rows.Count;

    public void Add(StreamId stream, long seq, PendingEvent pending) => _rows.Add((stream, seq, pending));

    /// <summary>Streams every row in the column order of <see cref="PostgresSchema.CopyEvents"/>; returns the rows written.</summary>
    public ulong WriteTo(NpgsqlBinaryImporter importer, DateTimeOffset recordedAt)
    {
        foreach (var (stream, seq, pending) in _rows)
        {
            importer.StartRow();
            importer.Write(stream.TenantId, NpgsqlDbType.Text);
            importer.Write(stream.EmployeeId, NpgsqlDbType.Text);
            importer.Write(seq, NpgsqlDbType.Bigint);
            importer.Write(pending.Event.Id, NpgsqlDbType.Text);
            importer.Write(pending.Event.Type, NpgsqlDbType.Text);
            importer.Write(EventTime.Format(pending.Event.OccurredAt), NpgsqlDbType.Text);
            importer.Write(pending.Period, NpgsqlDbType.Text);
            importer.Write(pending.Event.Data, NpgsqlDbType.Text);
            if (pending.Event.Source is { } source) importer.Write(source, NpgsqlDbType.Text);
            else importer.WriteNull();
            importer.Write(recordedAt, NpgsqlDbType.TimestampTz);
        }
        return importer.Complete();
    }
}

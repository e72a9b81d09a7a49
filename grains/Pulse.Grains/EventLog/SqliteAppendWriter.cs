using Microsoft.Data.Sqlite;
using Pulse.Storage;

namespace Pulse.EventLog;

/// <summary>
/// Commits batches to SQLite through one dedicated connection with prepared statements. SQLite allows one writer at
/// a time anyway; funnelling every append through here turns thousands of fsyncs into one per batch.
/// </summary>
internal sealed class SqliteAppendWriter(string connectionString, TimeProvider time, SqliteWriteGate writeGate) : IAppendBatchWriter
{
    private SqliteConnection? _connection;
    private SqliteCommand _head = null!;
    private SqliteCommand _insert = null!;
    private SqliteCommand _widenSpan = null!;

    public Task<AppendResult[]> CommitAsync(IReadOnlyList<StreamAppend> batch, CancellationToken cancellationToken)
    {
        return Task.FromResult(writeGate.Run(() => Commit(batch, cancellationToken), cancellationToken));
    }

    private AppendResult[] Commit(IReadOnlyList<StreamAppend> batch, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite does its I/O synchronously even behind async methods; this runs on the commit loop,
        // never on a grain's thread, so calling the synchronous API directly is honest and cheaper.
        cancellationToken.ThrowIfCancellationRequested();
        var connection = _connection ?? Open();
        var recordedAt = EventTime.RecordedNow(time);
        var recordedText = EventTime.Format(recordedAt);
        var results = new AppendResult[batch.Count];
        var heads = new Dictionary<StreamId, long>();
        var intact = new HashSet<StreamId>(); // streams whose latest append in this batch committed
        var spans = new Dictionary<(StreamId Stream, string Period), (long First, long Last)>();

        using var transaction = connection.BeginTransaction(deferred: false);
        _head.Transaction = transaction;
        _insert.Transaction = transaction;
        _widenSpan.Transaction = transaction;
        _insert.Parameters["$recorded"].Value = recordedText;

        for (var i = 0; i < batch.Count; i++)
        {
            var append = batch[i];
            if (!heads.TryGetValue(append.Stream, out var head))
            {
                _head.Parameters["$tenant"].Value = append.Stream.TenantId;
                _head.Parameters["$employee"].Value = append.Stream.EmployeeId;
                head = (long)_head.ExecuteScalar()!;
            }

            if (head != BatchPositions.ExpectedHead(append, head, intact))
            {
                heads[append.Stream] = head;
                intact.Remove(append.Stream);
                results[i] = AppendResult.Conflict;
                continue;
            }

            var appended = new List<StoredEvent>(append.Events.Count);
            var duplicates = new List<string>();
            _insert.Parameters["$tenant"].Value = append.Stream.TenantId;
            _insert.Parameters["$employee"].Value = append.Stream.EmployeeId;
            foreach (var pending in append.Events)
            {
                var evt = pending.Event;
                _insert.Parameters["$seq"].Value = head + 1;
                _insert.Parameters["$id"].Value = evt.Id;
                _insert.Parameters["$type"].Value = evt.Type;
                _insert.Parameters["$occurred"].Value = EventTime.Format(evt.OccurredAt);
                _insert.Parameters["$period"].Value = pending.Period;
                _insert.Parameters["$data"].Value = evt.Data;
                _insert.Parameters["$source"].Value = (object?)evt.Source ?? DBNull.Value;
                if (_insert.ExecuteNonQuery() == 1)
                {
                    head++;
                    appended.Add(new StoredEvent(head, evt, pending.Period, recordedAt));
                    var key = (append.Stream, pending.Period);
                    spans[key] = spans.TryGetValue(key, out var span) ? (span.First, head) : (head, head);
                }
                else
                {
                    duplicates.Add(evt.Id);
                }
            }

            heads[append.Stream] = head;
            intact.Add(append.Stream);
            results[i] = new AppendResult(AppendStatus.Committed, appended, duplicates) { Head = head };
        }

        // One span row per stream and period in the batch, not one per event: these rows share a few pages.
        foreach (var ((stream, period), (first, last)) in spans)
        {
            _widenSpan.Parameters["$tenant"].Value = stream.TenantId;
            _widenSpan.Parameters["$employee"].Value = stream.EmployeeId;
            _widenSpan.Parameters["$period"].Value = period;
            _widenSpan.Parameters["$first"].Value = first;
            _widenSpan.Parameters["$last"].Value = last;
            _widenSpan.ExecuteNonQuery();
        }

        transaction.Commit();
        return results;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // Durable commits and the checkpoint threshold as every writer sets them; a larger page cache keeps the
            // hot index pages of a growing log in memory.
            pragma.CommandText = SqliteDurability.WriterPragmas + " PRAGMA cache_size = -65536;";
            pragma.ExecuteNonQuery();
        }

        _head = connection.CreateCommand();
        _head.CommandText = SqliteSchema.StreamHead;
        _head.Parameters.Add("$tenant", SqliteType.Text);
        _head.Parameters.Add("$employee", SqliteType.Text);
        _head.Prepare();

        _insert = connection.CreateCommand();
        _insert.CommandText = SqliteSchema.InsertEvent;
        foreach (var name in (string[])["$tenant", "$employee", "$id", "$type", "$occurred", "$period", "$data", "$source", "$recorded"])
        {
            _insert.Parameters.Add(name, SqliteType.Text);
        }

        _insert.Parameters.Add("$seq", SqliteType.Integer);
        _insert.Prepare();

        _widenSpan = connection.CreateCommand();
        _widenSpan.CommandText = SqliteSchema.WidenSpan;
        foreach (var name in (string[])["$tenant", "$employee", "$period"])
        {
            _widenSpan.Parameters.Add(name, SqliteType.Text);
        }

        _widenSpan.Parameters.Add("$first", SqliteType.Integer);
        _widenSpan.Parameters.Add("$last", SqliteType.Integer);
        _widenSpan.Prepare();
        _connection = connection;
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await _head.DisposeAsync();
            await _insert.DisposeAsync();
            await _widenSpan.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

using Npgsql;
using NpgsqlTypes;

namespace Pulse.EventLog;

/// <summary>
/// Commits a batch to PostgreSQL. The usual case takes one round trip: every append numbered from the position its
/// writer expects, all rows in one array insert that commits on its own, no reads. When that insert meets anything
/// unexpected (an event id the log already holds, a position another writer took, an append ahead of its stream)
/// it changes nothing and the batch is committed carefully instead: stream heads and known ids read first, then
/// numbering and duplicate filtering in memory, one insert, commit.
/// </summary>
/// <remarks>
/// The I/O is synchronous on purpose: async round trips resumed behind a busy silo's thread-pool queue, which came to
/// dominate the commit (docs/benchmarks.md).
/// </remarks>
internal sealed class PostgresAppendWriter(NpgsqlDataSource dataSource, PostgresSchema schema, TimeProvider time) : IAppendBatchWriter
{
    public Task<AppendResult[]> CommitAsync(IReadOnlyList<StreamAppend> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Commit(batch));
    }

    private AppendResult[] Commit(IReadOnlyList<StreamAppend> batch) => TryCommitOptimistically(batch) ?? CommitCarefully(batch);

    /// <summary>The one-round-trip commit; null when the batch needs the careful path (nothing was written then).</summary>
    private AppendResult[]? TryCommitOptimistically(IReadOnlyList<StreamAppend> batch)
    {
        var recordedAt = EventTime.RecordedNow(time);
        var rows = new EventRowsBuffer();
        var anchors = new List<StreamId>();
        var anchorSeqs = new List<long>();
        var results = new AppendResult[batch.Count];
        var claimed = new HashSet<(string Tenant, string Id)>();
        var ends = new Dictionary<StreamId, long>(); // where each stream's latest append in this batch ends
        for (var i = 0; i < batch.Count; i++)
        {
            var append = batch[i];
            long seq;
            if (append.FollowsPrevious)
            {
                // Numbered on from the previous append, whose own anchor (or the unique keys) checks the position.
                if (!ends.TryGetValue(append.Stream, out seq)) return null;
            }
            else
            {
                seq = append.ExpectedSeq;
                if (seq > 0)
                {
                    anchors.Add(append.Stream);
                    anchorSeqs.Add(seq);
                }
            }

            var appended = new StoredEvent[append.Events.Count];
            for (var j = 0; j < appended.Length; j++)
            {
                var pending = append.Events[j];
                if (!claimed.Add((append.Stream.TenantId, pending.Event.Id)))
                {
                    return null; // an id twice in one batch: the careful path sorts out which one is the duplicate
                }

                rows.Add(append.Stream, ++seq, pending);
                appended[j] = new StoredEvent(seq, pending.Event, pending.Period, recordedAt);
            }

            ends[append.Stream] = seq;
            results[i] = new AppendResult(AppendStatus.Committed, appended, []) { Head = seq };
        }

        using var connection = dataSource.OpenConnection();
        using var insert = new NpgsqlCommand(schema.InsertEventsOptimistically, connection);
        rows.AddParameters(insert.Parameters);
        insert.Parameters.Add(PostgresArrays.Text("anchor_tenants", anchors.Select(a => a.TenantId)));
        insert.Parameters.Add(PostgresArrays.Text("anchor_employees", anchors.Select(a => a.EmployeeId)));
        insert.Parameters.Add(PostgresArrays.Bigint("anchor_seqs", anchorSeqs));
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("recorded", NpgsqlDbType.TimestampTz) { TypedValue = recordedAt });
        try
        {
            // All or nothing: the statement is its own transaction, and an unanchored append inserts no row at all.
            return insert.ExecuteNonQuery() == rows.Count ? results : null;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }
    }

    private AppendResult[] CommitCarefully(IReadOnlyList<StreamAppend> batch)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();

        var (heads, existing) = ReadState(connection, batch);
        var recordedAt = EventTime.RecordedNow(time);
        var rows = new EventRowsBuffer();
        var results = new AppendResult[batch.Count];
        var claimed = new HashSet<(string Tenant, string Id)>();
        var intact = new HashSet<StreamId>(); // streams whose latest append in this batch committed

        for (var i = 0; i < batch.Count; i++)
        {
            var append = batch[i];
            var head = heads[append.Stream];
            if (head != BatchPositions.ExpectedHead(append, head, intact))
            {
                intact.Remove(append.Stream);
                results[i] = AppendResult.Conflict;
                continue;
            }

            var appended = new List<StoredEvent>(append.Events.Count);
            var duplicates = new List<string>();
            foreach (var pending in append.Events)
            {
                var key = (append.Stream.TenantId, pending.Event.Id);
                if (existing.Contains(key) || !claimed.Add(key))
                {
                    duplicates.Add(pending.Event.Id);
                    continue;
                }

                head++;
                rows.Add(append.Stream, head, pending);
                appended.Add(new StoredEvent(head, pending.Event, pending.Period, recordedAt));
            }

            heads[append.Stream] = head;
            intact.Add(append.Stream);
            results[i] = new AppendResult(AppendStatus.Committed, appended, duplicates) { Head = head };
        }

        if (rows.Count > 0)
        {
            using var insert = new NpgsqlCommand(schema.InsertEvents, connection, transaction);
            rows.AddParameters(insert.Parameters);
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("recorded", NpgsqlDbType.TimestampTz) { TypedValue = recordedAt });
            var inserted = insert.ExecuteNonQuery();
            if (inserted != rows.Count)
            {
                throw new ConcurrentAppendException($"Expected to insert {rows.Count} events but inserted {inserted}: an event id was claimed concurrently.");
            }
        }

        transaction.Commit();
        return results;
    }

    private (Dictionary<StreamId, long> Heads, HashSet<(string Tenant, string Id)> Existing) ReadState(
        NpgsqlConnection connection, IReadOnlyList<StreamAppend> batch)
    {
        var streams = batch.Select(a => a.Stream).Distinct().ToArray();
        var keys = batch.SelectMany(a => a.Events.Select(e => (a.Stream.TenantId, e.Event.Id))).Distinct().ToArray();

        using var query = new NpgsqlBatch(connection);
        var headsCommand = new NpgsqlBatchCommand(schema.StreamHeads);
        headsCommand.Parameters.Add(PostgresArrays.Text("tenants", streams.Select(s => s.TenantId)));
        headsCommand.Parameters.Add(PostgresArrays.Text("employees", streams.Select(s => s.EmployeeId)));
        var idsCommand = new NpgsqlBatchCommand(schema.ExistingIds);
        idsCommand.Parameters.Add(PostgresArrays.Text("tenants", keys.Select(k => k.TenantId)));
        idsCommand.Parameters.Add(PostgresArrays.Text("ids", keys.Select(k => k.Id)));
        query.BatchCommands.Add(headsCommand);
        query.BatchCommands.Add(idsCommand);

        var heads = new Dictionary<StreamId, long>(streams.Length);
        var existing = new HashSet<(string Tenant, string Id)>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            heads[new StreamId(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        reader.NextResult();
        while (reader.Read())
        {
            existing.Add((reader.GetString(0), reader.GetString(1)));
        }

        return (heads, existing);
    }


    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pulse.EventLog;
using Pulse.Events;
using StreamId = Pulse.EventLog.StreamId;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.EventLog;

/// <summary>The contract against a real PostgreSQL server; each test gets a schema of its own.</summary>
public sealed class PostgresEventLogTests(PostgresServer server) : EventLogContractTests
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    protected override IEventLog OpenStore() => new PostgresEventLog(
        Options.Create(new PostgresEventLogOptions { ConnectionString = server.ConnectionString, Schema = _schema }),
        NullLogger<PostgresEventLog>.Instance,
        TimeProvider.System);

    [Fact]
    public async Task Two_writers_racing_on_one_database_commit_each_stream_position_and_event_id_once()
    {
        // Two store instances stand for two silos: their batches collide on the constraints, fall back to one
        // transaction per append, and only the losers see a conflict or a duplicate.
        await using var a = (PostgresEventLog)OpenStore();
        await using var b = (PostgresEventLog)OpenStore();
        await a.InitializeAsync(Ct);
        await b.InitializeAsync(Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
        {
            var store = i % 2 == 0 ? a : b;
            var employee = $"e{i % 4}";
            var evt = new PendingEvent(new BusinessEvent("shared", "sale", employee, DateTimeOffset.UnixEpoch, "{}"), "1970-01");
            return store.AppendAsync(new StreamAppend(new StreamId("t1", employee), 0, [evt]), Ct);
        }));

        Assert.Single(results.SelectMany(r => r.Appended));
        Assert.All(results, r => Assert.True(r.Status == AppendStatus.StreamConflict || r.Appended.Count + r.DuplicateIds.Count == 1));
        var stored = 0;
        for (var e = 0; e < 4; e++)
        {
            stored += (await a.ReadStreamAsync(new StreamId("t1", $"e{e}"), 0, 10, Ct)).Count;
        }

        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task A_writer_continuing_from_its_own_last_commit_still_sees_another_writers_append()
    {
        // Writer a knows it left the stream at 1 and skips the anchor probe when continuing from there; writer b
        // appends in between. a's next append must be refused, not numbered on top of b's event.
        await using var a = (PostgresEventLog)OpenStore();
        await using var b = (PostgresEventLog)OpenStore();
        var stream = new StreamId("t1", "e1");
        static PendingEvent Event(string id) => new(new BusinessEvent(id, "sale", "e1", DateTimeOffset.UnixEpoch, "{}"), "1970-01");

        Assert.Equal(AppendStatus.Committed, (await a.AppendAsync(new StreamAppend(stream, 0, [Event("first")]), Ct)).Status);
        Assert.Equal(AppendStatus.Committed, (await b.AppendAsync(new StreamAppend(stream, 1, [Event("other")]), Ct)).Status);
        var stale = await a.AppendAsync(new StreamAppend(stream, 1, [Event("late")]), Ct);
        var retried = await a.AppendAsync(new StreamAppend(stream, 2, [Event("late")]), Ct);

        Assert.Equal(AppendStatus.StreamConflict, stale.Status);
        Assert.Equal([3L], retried.Appended.Select(e => e.Seq));
        Assert.Equal(["first", "other", "late"], (await a.ReadStreamAsync(stream, 0, 10, Ct)).Select(e => e.Event.Id));
    }

    [Fact]
    public async Task Appends_divided_among_free_commit_slots_each_commit_once_in_stream_order()
    {
        // A split threshold of one event makes the committer divide whatever is queued among its three slots, so
        // appends of one burst land in transactions committing side by side.
        await using var log = await OpenSplittingLogAsync();
        static PendingEvent Event(string employee, int round, int i) =>
            new(new BusinessEvent($"{employee}-{round}-{i}", "sale", employee, DateTimeOffset.UnixEpoch, "{}"), "1970-01");

        // Three rounds: each grain appends its next five events only after the previous round committed, as a grain does.
        var employees = Enumerable.Range(0, 60).Select(e => $"e{e}").ToArray();
        for (var round = 0; round < 3; round++)
        {
            var expected = round * 5;
            var results = await Task.WhenAll(employees.Select(e =>
                log.AppendAsync(new StreamAppend(new StreamId("t1", e), expected, [.. Enumerable.Range(0, 5).Select(i => Event(e, round, i))]), Ct)));
            Assert.All(results, r => Assert.Equal(AppendStatus.Committed, r.Status));
            Assert.All(results, r => Assert.Equal(Enumerable.Range(expected + 1, 5).Select(n => (long)n), r.Appended.Select(a => a.Seq)));
        }

        foreach (var e in employees)
        {
            var stream = await log.ReadStreamAsync(new StreamId("t1", e), 0, 100, Ct);
            Assert.Equal(Enumerable.Range(1, 15).Select(n => (long)n), stream.Select(s => s.Seq));
            Assert.Equal(
                Enumerable.Range(0, 3).SelectMany(r => Enumerable.Range(0, 5).Select(i => $"{e}-{r}-{i}")),
                stream.Select(s => s.Event.Id));
        }
    }

    [Fact]
    public async Task Chains_of_appends_spread_over_parallel_commit_slots_commit_once_in_stream_order()
    {
        // Splitting at one event spreads each burst over the three slots, so an append often finds the one it
        // follows in flight in another transaction (and must wait for it), in the same batch, or already committed.
        await using var log = await OpenSplittingLogAsync();
        static PendingEvent Event(string id, string employee) =>
            new(new BusinessEvent(id, "sale", employee, DateTimeOffset.UnixEpoch, "{}"), "1970-01");

        // Each stream gets eight appends of three events queued without waiting; every fourth repeats an id already
        // sent, which sends its batch down the careful path.
        var employees = Enumerable.Range(0, 40).Select(e => $"e{e}").ToArray();
        var appends = new List<(string Employee, Task<AppendResult> Append)>();
        var writers = employees.ToDictionary(e => e, e => log.OpenWriter(new StreamId("t1", e), 0));
        for (var round = 0; round < 8; round++)
        {
            foreach (var e in employees)
            {
                var ids = Enumerable.Range(0, 3).Select(i => round % 4 == 3 && i == 0 ? $"{e}-0-0" : $"{e}-{round}-{i}");
                appends.Add((e, writers[e].AppendAsync([.. ids.Select(id => Event(id, e))])));
            }
        }

        await Task.WhenAll(appends.Select(a => a.Append));
        foreach (var e in employees)
        {
            var results = appends.Where(a => a.Employee == e).Select(a => a.Append.Result).ToArray();
            Assert.All(results, r => Assert.Equal(AppendStatus.Committed, r.Status));
            Assert.Equal(2, results.Sum(r => r.DuplicateIds.Count));
            var stream = await log.ReadStreamAsync(new StreamId("t1", e), 0, 100, Ct);
            Assert.Equal(Enumerable.Range(1, 22).Select(n => (long)n), stream.Select(s => s.Seq));
            Assert.Equal(results.SelectMany(r => r.Appended).Select(a => a.Event.Id), stream.Select(s => s.Event.Id));
            Assert.Equal(
                Enumerable.Range(0, 8).SelectMany(r => Enumerable.Range(0, 3).Where(i => r % 4 != 3 || i != 0).Select(i => $"{e}-{r}-{i}")),
                stream.Select(s => s.Event.Id));
        }
    }

    /// <summary>A log whose committer divides whatever is queued among its three slots (a split threshold of one event).</summary>
    private async Task<PostgresEventLog> OpenSplittingLogAsync()
    {
        var log = new PostgresEventLog(
            Options.Create(new PostgresEventLogOptions
            {
                ConnectionString = server.ConnectionString, Schema = _schema, MaxConcurrentBatches = 3, MinSplitEvents = 1,
            }),
            NullLogger<PostgresEventLog>.Instance,
            TimeProvider.System);
        await log.InitializeAsync(Ct);
        return log;
    }

    [Fact]
    public async Task Only_the_primary_key_can_answer_a_stream_position_probe()
    {
        // The optimistic insert and the careful path look streams up by (tenant, employee_id, seq). Another index
        // leading with (tenant, employee_id) can win that lookup in a cached plan and read the whole stream instead.
        await using var log = (PostgresEventLog)OpenStore();
        await log.InitializeAsync(Ct);

        var indexes = await IndexesAsync();

        var byStream = indexes.Where(i => i.Columns.Take(2).SequenceEqual(["tenant", "employee_id"])).Select(i => i.Name).ToArray();
        Assert.Equal(["events_pkey"], byStream);
        Assert.Contains(indexes, i => i.Columns.SequenceEqual(["period", "tenant", "employee_id"]));
    }

    [Fact]
    public async Task The_event_table_is_vacuumed_at_a_gentler_pace_than_the_server_default()
    {
        await using var log = (PostgresEventLog)OpenStore();
        await log.InitializeAsync(Ct);

        Assert.Contains("autovacuum_vacuum_cost_delay=10", await EventTableOptionsAsync());
    }

    [Fact]
    public async Task An_operators_own_vacuum_pace_for_the_event_table_survives_a_restart()
    {
        await using (var first = (PostgresEventLog)OpenStore()) await first.InitializeAsync(Ct);
        await ExecuteAsync($"ALTER TABLE {_schema}.events SET (autovacuum_vacuum_cost_delay = 5);");

        await using var log = (PostgresEventLog)OpenStore();
        await log.InitializeAsync(Ct);

        Assert.Contains("autovacuum_vacuum_cost_delay=5", await EventTableOptionsAsync());
    }

    private async Task<string[]> EventTableOptionsAsync()
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(server.ConnectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT c.reloptions FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = 'events'
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = _schema });
        return await command.ExecuteScalarAsync(Ct) as string[] ?? [];
    }

    [Fact]
    public async Task Starting_on_a_schema_with_the_old_period_index_replaces_it()
    {
        await using (var first = (PostgresEventLog)OpenStore()) await first.InitializeAsync(Ct);
        await ExecuteAsync($"DROP INDEX {_schema}.events_by_period_first; CREATE INDEX events_by_period ON {_schema}.events (tenant, employee_id, period);");

        await using var log = (PostgresEventLog)OpenStore();
        await log.InitializeAsync(Ct);

        Assert.Equal(["events_by_period_first", "events_pkey", "events_tenant_event_id_key"],
            (await IndexesAsync()).Select(i => i.Name).Order(StringComparer.Ordinal).ToArray());
    }

    private async Task<List<(string Name, string[] Columns)>> IndexesAsync()
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(server.ConnectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT i.relname, array_agg(a.attname ORDER BY k.ord)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE n.nspname = $1 AND t.relname = 'events'
            GROUP BY i.relname
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = _schema });
        var indexes = new List<(string, string[])>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) indexes.Add((reader.GetString(0), reader.GetFieldValue<string[]>(1)));
        return indexes;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(server.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }
}

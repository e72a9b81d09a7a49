using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pulse.EventLog;
using Pulse.Events;
using StreamId = Pulse.EventLog.StreamId;

namespace Pulse.Tests.EventLog;

public sealed class SqliteEventLogTests : EventLogContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pulse-sqlite-" + Guid.NewGuid().ToString("N"));

    // A nested path proves the store creates its directory.
    protected override IEventLog OpenStore() => OpenLog("log");

    private SqliteEventLog OpenLog(string folder, int? checkpointIntervalMilliseconds = null)
    {
        var options = new SqliteEventLogOptions { Path = Path.Combine(_folder, folder, "events.db") };
        options.CheckpointIntervalMilliseconds = checkpointIntervalMilliseconds ?? options.CheckpointIntervalMilliseconds;
        return new SqliteEventLog(Options.Create(options), NullLogger<SqliteEventLog>.Instance, TimeProvider.System);
    }

    /// <summary>A log in <paramref name="folder"/> holding about 8 MB of events, committed 100 at a time.</summary>
    private async Task<SqliteEventLog> OpenLogWithLargeEventsAsync(string folder, int checkpointIntervalMilliseconds)
    {
        var log = OpenLog(folder, checkpointIntervalMilliseconds);
        await log.InitializeAsync(Ct);
        var payload = "{\"note\":\"" + new string('x', 1_800) + "\"}";
        var stream = new StreamId("t1", "e1");
        for (var commit = 0; commit < 40; commit++)
        {
            var events = Enumerable.Range(0, 100)
                .Select(i => new PendingEvent(new BusinessEvent($"c{commit}-{i}", "sale", "e1", DateTimeOffset.UnixEpoch, payload, null), "1970-01"))
                .ToArray();
            var result = await log.AppendAsync(new StreamAppend(stream, commit * 100L, events), Ct);
            Assert.Equal(AppendStatus.Committed, result.Status);
        }

        return log;
    }

    [Fact]
    public async Task Without_background_checkpoints_commits_leave_checkpointing_until_the_write_ahead_log_is_large()
    {
        // With SQLite's default threshold (1,000 pages, 4 MB) a commit would have checkpointed and the log restarted
        // from its beginning, so the file would not have grown past ~4.5 MB.
        await using var log = await OpenLogWithLargeEventsAsync("threshold", checkpointIntervalMilliseconds: 0);

        var writeAheadLog = new FileInfo(Path.Combine(_folder, "threshold", "events.db-wal"));
        var database = new FileInfo(Path.Combine(_folder, "threshold", "events.db"));
        Assert.True(writeAheadLog.Length > 7_000_000, $"write-ahead log is {writeAheadLog.Length} bytes");
        Assert.True(database.Length < 1_000_000, $"database file is {database.Length} bytes");
    }

    [Fact]
    public async Task Background_checkpoints_copy_committed_events_into_the_database_file()
    {
        await using var log = await OpenLogWithLargeEventsAsync("background", checkpointIntervalMilliseconds: 20);

        // Nothing else checkpoints here (the commits stay far below the 64 MB threshold): the file grows only if the
        // background checkpoints ran.
        var database = new FileInfo(Path.Combine(_folder, "background", "events.db"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (database.Length < 7_000_000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
            database.Refresh();
        }

        Assert.True(database.Length >= 7_000_000, $"database file is {database.Length} bytes");
        Assert.Equal(4_000, (await log.ReadStreamAsync(new StreamId("t1", "e1"), 0, 10_000, Ct)).Count);
    }

    [Fact]
    public async Task A_file_in_the_first_layout_is_converted_and_keeps_every_event()
    {
        // The first layout: rows clustered by stream, an index by period, no period spans.
        var path = Path.Combine(_folder, "old", "events.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE events (
                    tenant TEXT NOT NULL, employee_id TEXT NOT NULL, seq INTEGER NOT NULL, event_id TEXT NOT NULL,
                    type TEXT NOT NULL, occurred_at TEXT NOT NULL, period TEXT NOT NULL, data TEXT NOT NULL, source TEXT,
                    recorded_at TEXT NOT NULL, PRIMARY KEY (tenant, employee_id, seq), UNIQUE (tenant, event_id)) WITHOUT ROWID;
                CREATE INDEX events_by_period ON events (tenant, employee_id, period);
                INSERT INTO events VALUES
                    ('t1', 'e1', 1, 'a', 'sale', '2025-01-15T09:30:00.0000000+02:00', '2025-01', '{"n":1}', 'crm', '2025-01-15T07:30:01.0000000+00:00'),
                    ('t1', 'e1', 2, 'b', 'sale', '2025-02-03T09:30:00.0000000+02:00', '2025-02', '{"n":2}', NULL, '2025-02-03T07:30:01.0000000+00:00'),
                    ('t1', 'e1', 3, 'c', 'sale', '2025-01-31T09:30:00.0000000+02:00', '2025-01', '{"n":3}', 'crm', '2025-02-03T07:30:02.0000000+00:00'),
                    ('t1', 'e2', 1, 'd', 'sale', '2025-01-20T09:30:00.0000000+02:00', '2025-01', '{"n":4}', 'crm', '2025-01-20T07:30:01.0000000+00:00');
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        await using (var log = OpenLog("old"))
        {
            await log.InitializeAsync(Ct);
            var e1 = new StreamId("t1", "e1");

            var stream = await log.ReadStreamAsync(e1, 0, 100, Ct);
            Assert.Equal([(1L, "a"), (2L, "b"), (3L, "c")], stream.Select(e => (e.Seq, e.Event.Id)));
            Assert.Equal("{\"n\":2}", stream[1].Event.Data);
            Assert.Null(stream[1].Event.Source);
            Assert.Equal(new DateTimeOffset(2025, 1, 31, 9, 30, 0, TimeSpan.FromHours(2)), stream[2].Event.OccurredAt);
            Assert.Equal(["a", "c"], (await log.ReadPeriodAsync(e1, "2025-01", Ct)).Select(e => e.Event.Id));
            Assert.Equal(["d"], (await log.ReadPeriodAsync(new StreamId("t1", "e2"), "2025-01", Ct)).Select(e => e.Event.Id));

            // Writing goes on where the stream stood, and the old ids are still known.
            var next = await log.AppendAsync(new StreamAppend(e1, 3, [
                new PendingEvent(new BusinessEvent("a", "sale", "e1", DateTimeOffset.UnixEpoch, "{}", null), "2025-01"),
                new PendingEvent(new BusinessEvent("e", "sale", "e1", DateTimeOffset.UnixEpoch, "{}", null), "2025-01")]), Ct);
            Assert.Equal(["a"], next.DuplicateIds);
            Assert.Equal([4L], next.Appended.Select(e => e.Seq));
            Assert.Equal(["a", "c", "e"], (await log.ReadPeriodAsync(e1, "2025-01", Ct)).Select(e => e.Event.Id));
        }

        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name)";
            Assert.Equal("alerts,events,period_spans", await command.ExecuteScalarAsync(Ct));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

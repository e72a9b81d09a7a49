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
    protected override IEventLog OpenStore() => new SqliteEventLog(
        Options.Create(new SqliteEventLogOptions { Path = Path.Combine(_folder, "log", "events.db") }),
        NullLogger<SqliteEventLog>.Instance,
        TimeProvider.System);

    [Fact]
    public async Task Commits_leave_checkpointing_until_the_write_ahead_log_is_large()
    {
        // About 8 MB of events in 40 commits: with SQLite's default threshold (1,000 pages, 4 MB) a commit would have
        // checkpointed and the log restarted from its beginning, so the file would not have grown past ~4.5 MB.
        var payload = "{\"note\":\"" + new string('x', 1_800) + "\"}";
        var stream = new StreamId("t1", "e1");
        for (var commit = 0; commit < 40; commit++)
        {
            var events = Enumerable.Range(0, 100)
                .Select(i => new PendingEvent(new BusinessEvent($"c{commit}-{i}", "sale", "e1", DateTimeOffset.UnixEpoch, payload, null), "1970-01"))
                .ToArray();
            var result = await Log.AppendAsync(new StreamAppend(stream, commit * 100L, events), Ct);
            Assert.Equal(AppendStatus.Committed, result.Status);
        }

        var writeAheadLog = new FileInfo(Path.Combine(_folder, "log", "events.db-wal"));
        Assert.True(writeAheadLog.Length > 7_000_000, $"write-ahead log is {writeAheadLog.Length} bytes");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

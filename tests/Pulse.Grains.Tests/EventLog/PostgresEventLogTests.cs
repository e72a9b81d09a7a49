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
}

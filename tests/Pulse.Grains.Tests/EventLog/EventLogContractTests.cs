using Pulse.Tests.Infrastructure;
using System.Diagnostics;
using Pulse.EventLog;
using Pulse.Events;
using Pulse.Performance;
using StreamId = Pulse.EventLog.StreamId;

namespace Pulse.Tests.EventLog;

/// <summary>The behaviour every <see cref="IEventLog"/> store promises; one derived class per store.</summary>
public abstract class EventLogContractTests : StoreContractTests<IEventLog>
{
    protected IEventLog Log => Store;

    protected override Task InitializeStoreAsync(IEventLog store) => store.InitializeAsync(Ct);

    private static readonly DateTimeOffset Jan15 = new(2025, 1, 15, 9, 30, 0, TimeSpan.FromHours(2));

    private static PendingEvent Event(string id, string employee = "e1", string period = "2025-01", DateTimeOffset? at = null, string data = "{\"n\":1}") =>
        new(new BusinessEvent(id, "sale", employee, at ?? Jan15, data, "crm"), period);

    private static StreamAppend Append(StreamId stream, long expected, params PendingEvent[] events) => new(stream, expected, events);

    private static readonly StreamId E1 = new("t1", "e1");

    [Fact]
    public async Task Appends_are_numbered_densely_after_the_expected_position()
    {
        var first = await Log.AppendAsync(Append(E1, 0, Event("a"), Event("b")), Ct);
        var second = await Log.AppendAsync(Append(E1, 2, Event("c")), Ct);

        Assert.Equal(AppendStatus.Committed, first.Status);
        Assert.Equal([1L, 2L], first.Appended.Select(e => e.Seq));
        Assert.Equal(["a", "b"], first.Appended.Select(e => e.Event.Id));
        Assert.Equal([3L], second.Appended.Select(e => e.Seq));
        Assert.Empty(second.DuplicateIds);
        Assert.Equal(["a", "b", "c"], (await Log.ReadStreamAsync(E1, 0, 100, Ct)).Select(e => e.Event.Id));
    }

    [Fact]
    public async Task An_id_repeated_within_an_append_is_a_duplicate_and_takes_no_seq()
    {
        var result = await Log.AppendAsync(Append(E1, 0, Event("a"), Event("a"), Event("b")), Ct);

        Assert.Equal(AppendStatus.Committed, result.Status);
        Assert.Equal([(1L, "a"), (2L, "b")], result.Appended.Select(e => (e.Seq, e.Event.Id)));
        Assert.Equal(["a"], result.DuplicateIds);
    }

    [Fact]
    public async Task Ids_already_in_the_tenants_log_are_duplicates_for_every_employee()
    {
        await Log.AppendAsync(Append(E1, 0, Event("a"), Event("b")), Ct);
        var e2 = new StreamId("t1", "e2");

        var again = await Log.AppendAsync(Append(E1, 2, Event("b"), Event("c")), Ct);
        var otherEmployee = await Log.AppendAsync(Append(e2, 0, Event("a", "e2"), Event("d", "e2")), Ct);

        Assert.Equal(["b"], again.DuplicateIds);
        Assert.Equal([(3L, "c")], again.Appended.Select(e => (e.Seq, e.Event.Id)));
        Assert.Equal(["a"], otherEmployee.DuplicateIds);
        Assert.Equal([(1L, "d")], otherEmployee.Appended.Select(e => (e.Seq, e.Event.Id)));
    }

    [Fact]
    public async Task An_append_of_only_duplicates_commits_nothing_and_keeps_the_position()
    {
        await Log.AppendAsync(Append(E1, 0, Event("a")), Ct);

        var retry = await Log.AppendAsync(Append(E1, 1, Event("a")), Ct);
        var next = await Log.AppendAsync(Append(E1, 1, Event("b")), Ct);

        Assert.Equal(AppendStatus.Committed, retry.Status);
        Assert.Empty(retry.Appended);
        Assert.Equal(["a"], retry.DuplicateIds);
        Assert.Equal([2L], next.Appended.Select(e => e.Seq));
    }

    [Fact]
    public async Task Another_tenant_may_reuse_an_event_id()
    {
        await Log.AppendAsync(Append(E1, 0, Event("a")), Ct);

        var other = await Log.AppendAsync(Append(new StreamId("t2", "e1"), 0, Event("a")), Ct);

        Assert.Empty(other.DuplicateIds);
        Assert.Equal([1L], other.Appended.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_stale_expected_seq_is_a_conflict_and_writes_nothing()
    {
        await Log.AppendAsync(Append(E1, 0, Event("a"), Event("b")), Ct);

        var behind = await Log.AppendAsync(Append(E1, 1, Event("x")), Ct);
        var ahead = await Log.AppendAsync(Append(E1, 5, Event("y")), Ct);

        Assert.Equal(AppendStatus.StreamConflict, behind.Status);
        Assert.Equal(AppendStatus.StreamConflict, ahead.Status);
        Assert.Equal(["a", "b"], (await Log.ReadStreamAsync(E1, 0, 100, Ct)).Select(e => e.Event.Id));

        // The refused ids were not claimed: they append fine from the right position.
        var retry = await Log.AppendAsync(Append(E1, 2, Event("x")), Ct);
        Assert.Equal([3L], retry.Appended.Select(e => e.Seq));
    }

    [Fact]
    public async Task Racing_appends_at_the_same_position_commit_exactly_one()
    {
        var racers = Enumerable.Range(0, 20)
            .Select(i => Log.AppendAsync(Append(E1, 0, Event($"r{i}")), Ct))
            .ToArray();
        var results = await Task.WhenAll(racers);

        Assert.Single(results, r => r.Status == AppendStatus.Committed);
        Assert.Equal(19, results.Count(r => r.Status == AppendStatus.StreamConflict));
        Assert.Single(await Log.ReadStreamAsync(E1, 0, 100, Ct));
    }

    [Fact]
    public async Task A_writers_appends_queued_before_the_previous_commits_are_numbered_after_it_in_order()
    {
        await Log.AppendAsync(Append(E1, 0, Event("old")), Ct);

        // Queued back to back, none awaited, as a grain pipelining its calls does.
        var writer = Log.OpenWriter(E1, 1);
        var first = writer.AppendAsync([Event("a"), Event("b")]);
        var second = writer.AppendAsync([Event("old"), Event("c")]);
        var third = writer.AppendAsync([Event("b")]);
        var fourth = writer.AppendAsync([Event("d")]);
        var results = await Task.WhenAll(first, second, third, fourth);

        Assert.All(results, r => Assert.Equal(AppendStatus.Committed, r.Status));
        Assert.Equal([[2L, 3L], [4L], [], [5L]], results.Select(r => r.Appended.Select(e => e.Seq).ToArray()));
        Assert.Equal([3L, 4L, 4L, 5L], results.Select(r => r.Head));
        Assert.Equal(["old"], results[1].DuplicateIds);
        Assert.Equal(["b"], results[2].DuplicateIds);
        Assert.Equal(["old", "a", "b", "c", "d"], (await Log.ReadStreamAsync(E1, 0, 100, Ct)).Select(e => e.Event.Id));
    }

    [Fact]
    public async Task A_writers_appends_after_a_committed_one_follow_it_without_being_told_the_position()
    {
        var writer = Log.OpenWriter(E1, 0);
        await writer.AppendAsync([Event("a"), Event("b")]);

        var next = await writer.AppendAsync([Event("c")]);

        Assert.Equal([3L], next.Appended.Select(e => e.Seq));
    }

    [Fact]
    public async Task Every_append_queued_after_a_refused_one_is_refused_and_writes_nothing()
    {
        await Log.AppendAsync(Append(E1, 0, Event("a"), Event("b")), Ct);

        var writer = Log.OpenWriter(E1, 1); // stale: the stream is at 2
        var results = await Task.WhenAll(writer.AppendAsync([Event("x")]), writer.AppendAsync([Event("y")]), writer.AppendAsync([Event("z")]));

        Assert.All(results, r => Assert.Equal(AppendStatus.StreamConflict, r.Status));
        Assert.Equal(["a", "b"], (await Log.ReadStreamAsync(E1, 0, 100, Ct)).Select(e => e.Event.Id));

        // Nothing was claimed: restarted from the right position, the same writer appends the same events in order.
        var retry = await writer.AppendAtAsync(2, [Event("x"), Event("y")]);
        var after = await writer.AppendAsync([Event("z")]);
        Assert.Equal([3L, 4L], retry.Appended.Select(e => e.Seq));
        Assert.Equal([5L], after.Appended.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_writer_only_writes_events_of_its_own_employee()
    {
        var writer = Log.OpenWriter(E1, 0);

        Assert.Throws<ArgumentException>(() => { _ = writer.AppendAsync([Event("a", employee: "e2")]); }); // at once, before queueing
        Assert.Equal([1L], (await writer.AppendAsync([Event("b")])).Appended.Select(e => e.Seq));
    }

    [Fact]
    public async Task ReadStream_starts_after_the_position_and_stops_at_max_count()
    {
        await Log.AppendAsync(Append(E1, 0, [.. Enumerable.Range(1, 10).Select(i => Event($"ev{i}"))]), Ct);

        var page = await Log.ReadStreamAsync(E1, 3, 4, Ct);
        var tail = await Log.ReadStreamAsync(E1, 8, 100, Ct);
        var none = await Log.ReadStreamAsync(E1, 10, 100, Ct);

        Assert.Equal([4L, 5L, 6L, 7L], page.Select(e => e.Seq));
        Assert.Equal(["ev4", "ev5", "ev6", "ev7"], page.Select(e => e.Event.Id));
        Assert.Equal([9L, 10L], tail.Select(e => e.Seq));
        Assert.Empty(none);
        Assert.Empty(await Log.ReadStreamAsync(new StreamId("t1", "nobody"), 0, 100, Ct));
    }

    [Fact]
    public async Task ReadPeriod_returns_that_periods_events_in_stream_order()
    {
        await Log.AppendAsync(Append(E1, 0, Event("a", period: "2025-01"), Event("b", period: "2025-02"), Event("c", period: "2025-01")), Ct);
        await Log.AppendAsync(Append(new StreamId("t1", "e2"), 0, Event("d", "e2", period: "2025-01")), Ct);

        var january = await Log.ReadPeriodAsync(E1, "2025-01", Ct);

        Assert.Equal([(1L, "a"), (3L, "c")], january.Select(e => (e.Seq, e.Event.Id)));
        Assert.All(january, e => Assert.Equal("2025-01", e.Period));
        Assert.Empty(await Log.ReadPeriodAsync(E1, "2024-12", Ct));
    }

    [Fact]
    public async Task ReadPeriod_finds_late_events_of_an_earlier_period_across_commits()
    {
        await Log.AppendAsync(Append(E1, 0, Event("a", period: "2025-01")), Ct);
        await Log.AppendAsync(Append(E1, 1, Event("b", period: "2025-02"), Event("c", period: "2025-02")), Ct);
        await Log.AppendAsync(Append(E1, 3, Event("d", period: "2025-01"), Event("e", period: "2025-03")), Ct);
        await Log.AppendAsync(Append(E1, 5, Event("f", period: "2025-02")), Ct);
        await Log.AppendAsync(Append(new StreamId("t2", "e1"), 0, Event("g", period: "2025-01")), Ct);

        Assert.Equal([(1L, "a"), (4L, "d")], (await Log.ReadPeriodAsync(E1, "2025-01", Ct)).Select(e => (e.Seq, e.Event.Id)));
        Assert.Equal([(2L, "b"), (3L, "c"), (6L, "f")], (await Log.ReadPeriodAsync(E1, "2025-02", Ct)).Select(e => (e.Seq, e.Event.Id)));
        Assert.Equal(["e"], (await Log.ReadPeriodAsync(E1, "2025-03", Ct)).Select(e => e.Event.Id));
        Assert.Equal(["g"], (await Log.ReadPeriodAsync(new StreamId("t2", "e1"), "2025-01", Ct)).Select(e => e.Event.Id));
    }

    [Fact]
    public async Task ReadPeriod_ignores_duplicates_and_refused_appends()
    {
        await Log.AppendAsync(Append(E1, 0, Event("a", period: "2025-01")), Ct);
        var refused = await Log.AppendAsync(Append(E1, 0, Event("x", period: "2025-04")), Ct);
        await Log.AppendAsync(Append(E1, 1, Event("a", period: "2025-05"), Event("b", period: "2025-01")), Ct);

        Assert.Equal(AppendStatus.StreamConflict, refused.Status);
        Assert.Empty(await Log.ReadPeriodAsync(E1, "2025-04", Ct));
        Assert.Empty(await Log.ReadPeriodAsync(E1, "2025-05", Ct));
        Assert.Equal(["a", "b"], (await Log.ReadPeriodAsync(E1, "2025-01", Ct)).Select(e => e.Event.Id));
    }

    [Fact]
    public async Task Events_read_back_exactly_as_appended()
    {
        var at = new DateTimeOffset(2025, 3, 30, 23, 59, 59, TimeSpan.FromMinutes(-330)).AddTicks(1234567);
        const string data = "{\"amount\":12.50,\"note\":\"caf\\u00e9 \u00fc\",\"nested\":{\"b\":[1,2],\"a\":null}}";
        var withSource = new PendingEvent(new BusinessEvent("x1", "deal.closed", "e1", at, data, "crm"), "2025-03");
        var withoutSource = new PendingEvent(new BusinessEvent("x2", "call", "e1", Jan15, "{}", null), "2025-01");

        var result = await Log.AppendAsync(Append(E1, 0, withSource, withoutSource), Ct);
        var read = await Log.ReadStreamAsync(E1, 0, 10, Ct);

        Assert.Equal([withSource.Event, withoutSource.Event], read.Select(e => e.Event));
        Assert.Equal(at.Offset, read[0].Event.OccurredAt.Offset);
        Assert.Equal(at.Ticks, read[0].Event.OccurredAt.Ticks);
        Assert.Equal(["2025-03", "2025-01"], read.Select(e => e.Period));
        Assert.Equal(result.Appended, read);
    }

    [Fact]
    public async Task Many_concurrent_streams_commit_every_event_once_with_dense_positions()
    {
        const int streams = 200, appendsPerStream = 50;

        async Task WriteStream(int s)
        {
            var stream = new StreamId("t1", $"emp{s}");
            long position = 0;
            for (var a = 0; a < appendsPerStream; a++)
            {
                // Each append repeats the previous one's second id, as a sender retrying would.
                var events = new List<PendingEvent> { Event($"s{s}-a{a}", stream.EmployeeId), Event($"s{s}-a{a}-b", stream.EmployeeId) };
                if (a > 0)
                {
                    events.Add(Event($"s{s}-a{a - 1}-b", stream.EmployeeId));
                }

                var result = await Log.AppendAsync(new StreamAppend(stream, position, events), Ct);
                Assert.Equal(AppendStatus.Committed, result.Status);
                Assert.Equal(2, result.Appended.Count);
                Assert.Equal(a > 0 ? 1 : 0, result.DuplicateIds.Count);
                position = result.Appended[^1].Seq;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(() => WriteStream(s), Ct)));

        for (var s = 0; s < streams; s++)
        {
            var events = await Log.ReadStreamAsync(new StreamId("t1", $"emp{s}"), 0, 1000, Ct);
            Assert.Equal(Enumerable.Range(1, appendsPerStream * 2).Select(i => (long)i), events.Select(e => e.Seq));
            Assert.Equal(events.Count, events.Select(e => e.Event.Id).Distinct().Count());
        }
    }

    [Fact]
    public async Task Committed_events_survive_reopening_the_store()
    {
        await Log.AppendAsync(Append(E1, 0, Event("a"), Event("b")), Ct);
        await CloseAsync(Log);

        var reopened = Open();
        var events = await reopened.ReadStreamAsync(E1, 0, 100, Ct);
        var retry = await reopened.AppendAsync(Append(E1, 2, Event("a"), Event("c")), Ct);

        Assert.Equal(["a", "b"], events.Select(e => e.Event.Id));
        Assert.Equal(["a"], retry.DuplicateIds);
        Assert.Equal([3L], retry.Appended.Select(e => e.Seq));
    }

    [Fact]
    public async Task Alerts_are_recorded_once_and_read_newest_first()
    {
        AlertRecord Alert(long seq, AlertKind kind, decimal value) =>
            new("t1", "e1", "2025-01", "calls", "low", seq, kind, value, 10.5m, Jan15.AddMinutes(seq));

        await Log.RecordAlertsAsync([Alert(3, AlertKind.Breached, 9.25m), Alert(7, AlertKind.Recovered, 11m)], Ct);
        await Log.RecordAlertsAsync([Alert(3, AlertKind.Breached, 9.25m), Alert(9, AlertKind.Breached, 8.125m)], Ct);

        var alerts = await Log.ReadAlertsAsync(E1, 10, Ct);

        Assert.Equal([Alert(9, AlertKind.Breached, 8.125m), Alert(7, AlertKind.Recovered, 11m), Alert(3, AlertKind.Breached, 9.25m)], alerts);
        Assert.Equal(2, (await Log.ReadAlertsAsync(E1, 2, Ct)).Count);
        Assert.Empty(await Log.ReadAlertsAsync(new StreamId("t1", "e2"), 10, Ct));
    }

    [Fact]
    public async Task Commits_are_reported_on_the_event_log_meter()
    {
        // The meter is process-wide and other tests commit meanwhile: look for this append's own, unusual size.
        var events = new System.Collections.Concurrent.ConcurrentBag<(string Instrument, double Value)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EventLogMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => events.Add((instrument.Name, value)));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => events.Add((instrument.Name, value)));
        listener.Start();

        var stream = new StreamId("t1", "metered");
        await Log.AppendAsync(Append(stream, 0, [.. Enumerable.Range(0, 37).Select(i => Event($"m{i}", "metered"))]), Ct);

        Assert.Contains(("pulse.eventlog.commit.events", 37d), events);
        Assert.Contains(events, e => e.Instrument == "pulse.eventlog.commit.duration" && e.Value >= 0);
        Assert.Contains(events, e => e.Instrument == "pulse.eventlog.append.duration" && e.Value >= 0);
    }

    [Fact]
    public async Task Reports_sustained_append_throughput()
    {
        // A measurement, not an assertion: timings on shared machines are noise for a pass/fail test.
        const int streams = 1000, appendsPerStream = 10, eventsPerAppend = 5;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            var stream = new StreamId("bench", $"emp{s}");
            for (var a = 0; a < appendsPerStream; a++)
            {
                var events = Enumerable.Range(0, eventsPerAppend).Select(i => Event($"b{s}-{a}-{i}", stream.EmployeeId)).ToArray();
                var result = await Log.AppendAsync(new StreamAppend(stream, a * eventsPerAppend, events), Ct);
                Assert.Equal(AppendStatus.Committed, result.Status);
            }
        }, Ct)));
        stopwatch.Stop();

        var total = streams * appendsPerStream * eventsPerAppend;
        TestContext.Current.SendDiagnosticMessage(
            $"{GetType().Name}: {total} events in {stopwatch.Elapsed.TotalSeconds:F2}s = {total / stopwatch.Elapsed.TotalSeconds:F0} events/s durably");
        TestContext.Current.TestOutputHelper?.WriteLine($"{total / stopwatch.Elapsed.TotalSeconds:F0} events/s");
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Pulse.EventLog;
using StreamId = Pulse.EventLog.StreamId;

namespace Pulse.Tests.EventLog;

/// <summary>
/// The group committer's queueing, batching, commit slots and parking, against an in-memory writer. What the stores
/// make of a batch is proved by the event log contract tests on real SQLite and PostgreSQL.
/// </summary>
public sealed class GroupCommitterTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly StreamId A = new("t1", "a"), B = new("t1", "b"), C = new("t1", "c"), D = new("t1", "d");

    private readonly FakeBatchWriter _writer = new();
    private GroupCommitter? _committer;

    private GroupCommitter Start(int maxBatchEvents = 100, int slots = 1, int minSplitEvents = int.MaxValue) =>
        _committer = new GroupCommitter(_writer, maxBatchEvents, NullLogger.Instance, slots, minSplitEvents);

    private static Task<AppendResult> Append(GroupCommitter committer, StreamAppend append, PendingAppend? after = null) =>
        committer.Enqueue(append, after).Completion.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Appends_queued_while_a_commit_is_in_flight_share_the_next_transaction()
    {
        var committer = Start();
        _writer.Hold = true;
        var first = Append(committer, FakeBatchWriter.Append(A, 0, "a1"));
        var held = await _writer.NextHeldAsync();

        var others = new[] { Append(committer, FakeBatchWriter.Append(B, 0, "b1")), Append(committer, FakeBatchWriter.Append(C, 0, "c1", "c2")), Append(committer, FakeBatchWriter.Append(D, 0, "d1")) };
        _writer.Hold = false;
        held.Release();
        await first;
        var results = await Task.WhenAll(others);

        Assert.All(results, r => Assert.Equal(AppendStatus.Committed, r.Status));
        Assert.Equal([[A], [B, C, D]], _writer.Batches.Select(b => b.Select(a => a.Stream).ToArray()));
    }

    [Fact]
    public async Task A_batch_stops_at_the_event_limit_and_an_append_larger_than_it_commits_alone()
    {
        var committer = Start(maxBatchEvents: 5);
        _writer.Hold = true;
        var first = Append(committer, FakeBatchWriter.Append(A, 0, "a1"));
        var held = await _writer.NextHeldAsync();

        var rest = new[]
        {
            Append(committer, FakeBatchWriter.Append(B, 0, "b1", "b2", "b3")),
            Append(committer, FakeBatchWriter.Append(C, 0, "c1", "c2")),
            Append(committer, FakeBatchWriter.Append(D, 0, "d1", "d2", "d3", "d4", "d5", "d6", "d7")),
            Append(committer, FakeBatchWriter.Append(A, 1, "a2")),
        };
        _writer.Hold = false;
        held.Release();
        await first;
        await Task.WhenAll(rest);

        Assert.Equal([1, 5, 7, 1], _writer.Batches.Select(b => b.Sum(a => a.Events.Count)));
    }

    [Fact]
    public async Task Batches_commit_side_by_side_up_to_the_number_of_slots()
    {
        var committer = Start(slots: 3);
        _writer.Hold = true;
        var appends = new List<Task<AppendResult>>();
        var held = new List<FakeBatchWriter.HeldCommit>();
        foreach (var stream in (StreamId[])[A, B, C])
        {
            appends.Add(Append(committer, FakeBatchWriter.Append(stream, 0, stream.EmployeeId + "1")));
            held.Add(await _writer.NextHeldAsync());
        }

        // Every slot is busy: the fourth waits for one to free up.
        appends.Add(Append(committer, FakeBatchWriter.Append(D, 0, "d1")));
        held[1].Release();
        var fourth = await _writer.NextHeldAsync();
        fourth.Release();
        held[0].Release();
        held[2].Release();
        await Task.WhenAll(appends);

        Assert.Equal([D], fourth.Appends.Select(a => a.Stream));
        Assert.Equal(3, _writer.MostInFlight);
    }

    [Fact]
    public async Task An_append_following_one_in_the_batch_being_formed_follows_it_there()
    {
        var committer = Start();
        _writer.Hold = true;
        var other = Append(committer, FakeBatchWriter.Append(B, 0, "b1"));
        var held = await _writer.NextHeldAsync();

        var first = committer.Enqueue(FakeBatchWriter.Append(A, 0, "a1", "a2"), null);
        var second = committer.Enqueue(FakeBatchWriter.Append(A, 0, "a3"), first);
        _writer.Hold = false;
        held.Release();
        await other;

        Assert.Equal([3L], (await second.Completion.Task.WaitAsync(Patience, TestContext.Current.CancellationToken)).Appended.Select(e => e.Seq));
        Assert.Equal([1L, 2L], (await first.Completion.Task).Appended.Select(e => e.Seq));
        var batch = _writer.Batches.Last();
        Assert.Equal([false, true], batch.Select(a => a.FollowsPrevious));
    }

    [Fact]
    public async Task An_append_following_one_in_flight_in_another_batch_waits_for_it_then_numbers_from_its_outcome()
    {
        var committer = Start(slots: 2);
        _writer.Hold = true;
        var first = committer.Enqueue(FakeBatchWriter.Append(A, 0, "a1", "a2"), null);
        var firstBatch = await _writer.NextHeldAsync();
        var second = committer.Enqueue(FakeBatchWriter.Append(A, 0, "a3"), first);

        // A later append of another stream takes the free slot; the parked one is not in its batch.
        var other = Append(committer, FakeBatchWriter.Append(B, 0, "b1"));
        var otherBatch = await _writer.NextHeldAsync();
        otherBatch.Release();
        await other;
        Assert.Equal([B], otherBatch.Appends.Select(a => a.Stream));
        Assert.False(second.Completion.Task.IsCompleted);

        _writer.Hold = false;
        firstBatch.Release();
        var result = await second.Completion.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal([3L], result.Appended.Select(e => e.Seq));
        var resumed = Assert.Single(_writer.Batches.Last());
        Assert.Equal((2L, false), (resumed.ExpectedSeq, resumed.FollowsPrevious));
        Assert.Equal(["a1", "a2", "a3"], _writer.Stream(A));
    }

    [Fact]
    public async Task Appends_following_a_refused_one_are_refused_and_write_nothing()
    {
        var committer = Start(slots: 2);
        await Append(committer, FakeBatchWriter.Append(A, 0, "a1"));
        _writer.Hold = true;
        var stale = committer.Enqueue(FakeBatchWriter.Append(A, 0, "x"), null);
        var staleBatch = await _writer.NextHeldAsync();
        var parked = committer.Enqueue(FakeBatchWriter.Append(A, 0, "y"), stale);
        var next = committer.Enqueue(FakeBatchWriter.Append(A, 0, "z"), parked);

        _writer.Hold = false;
        staleBatch.Release();
        var results = await Task.WhenAll(stale.Completion.Task, parked.Completion.Task, next.Completion.Task).WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(AppendStatus.StreamConflict, r.Status));
        Assert.Equal(["a1"], _writer.Stream(A));
        Assert.DoesNotContain(_writer.Batches.SelectMany(b => b), a => a.Events.Any(e => e.Event.Id is "y" or "z")); // never reached the writer
    }

    [Fact]
    public async Task A_batch_that_fails_is_retried_append_by_append_so_only_the_guilty_one_fails()
    {
        var committer = Start();
        _writer.Fails = append => append.Events.Any(e => e.Event.Id == "poison");
        _writer.Hold = true;
        var warmup = Append(committer, FakeBatchWriter.Append(D, 0, "d1"));
        var held = await _writer.NextHeldAsync();

        var first = committer.Enqueue(FakeBatchWriter.Append(A, 0, "a1"), null);
        var follower = committer.Enqueue(FakeBatchWriter.Append(A, 0, "a2"), first);
        var guilty = committer.Enqueue(FakeBatchWriter.Append(B, 0, "poison"), null);
        var innocent = committer.Enqueue(FakeBatchWriter.Append(C, 0, "c1"), null);
        _writer.Hold = false;
        held.Release();
        await warmup;

        await Assert.ThrowsAsync<InvalidOperationException>(() => guilty.Completion.Task.WaitAsync(Patience, TestContext.Current.CancellationToken));
        var results = await Task.WhenAll(first.Completion.Task, follower.Completion.Task, innocent.Completion.Task).WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.Equal([[1L], [2L], [1L]], results.Select(r => r.Appended.Select(e => e.Seq).ToArray()));
        Assert.Equal(["a1", "a2"], _writer.Stream(A));
        Assert.Empty(_writer.Stream(B));
        Assert.Equal([4, 1, 1, 1, 1], _writer.Batches.Skip(1).Select(b => b.Length)); // the batch, then each append alone
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_withdraw_its_append()
    {
        var committer = Start();
        _writer.Hold = true;
        using var cancel = new CancellationTokenSource();
        var waiting = committer.AppendAsync(FakeBatchWriter.Append(A, 0, "a1"), cancel.Token);
        var held = await _writer.NextHeldAsync();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _writer.Hold = false;
        held.Release();
        await Append(committer, FakeBatchWriter.Append(B, 0, "b1"));

        Assert.Equal(["a1"], _writer.Stream(A));
    }

    [Fact]
    public async Task Disposing_commits_what_is_queued_parked_appends_included_then_refuses_new_ones()
    {
        var committer = Start(slots: 2);
        _writer.Hold = true;
        var first = committer.Enqueue(FakeBatchWriter.Append(A, 0, "a1"), null);
        var held = await _writer.NextHeldAsync();
        var parked = committer.Enqueue(FakeBatchWriter.Append(A, 0, "a2"), first);

        var disposing = committer.DisposeAsync().AsTask();
        _writer.Hold = false;
        held.Release();
        await disposing.WaitAsync(Patience, TestContext.Current.CancellationToken);
        _committer = null;

        Assert.Equal(AppendStatus.Committed, (await parked.Completion.Task).Status);
        Assert.Equal(["a1", "a2"], _writer.Stream(A));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Append(committer, FakeBatchWriter.Append(B, 0, "b1")));
    }

    public async ValueTask DisposeAsync()
    {
        _writer.ReleaseAll();
        if (_committer is not null) await _committer.DisposeAsync();
    }
}

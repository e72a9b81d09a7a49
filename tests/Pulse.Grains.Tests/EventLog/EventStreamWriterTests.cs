using Microsoft.Extensions.Logging.Abstractions;
using Pulse.EventLog;
using StreamId = Pulse.EventLog.StreamId;

namespace Pulse.Tests.EventLog;

/// <summary>The per-stream writer: where each of its appends is numbered from. Real stores: the contract tests.</summary>
public sealed class EventStreamWriterTests : IAsyncDisposable
{
    private static readonly StreamId A = new("t1", "a");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeBatchWriter _store = new();
    private readonly GroupCommitter _committer;

    public EventStreamWriterTests() => _committer = new GroupCommitter(_store, 100, NullLogger.Instance);

    private static PendingEvent[] Events(params string[] ids) => [.. ids.Select(id => FakeBatchWriter.Event(id, A.EmployeeId))];

    [Fact]
    public async Task The_first_append_is_numbered_from_the_position_the_writer_was_opened_at()
    {
        await _committer.AppendAsync(FakeBatchWriter.Append(A, 0, "a1", "a2"), Ct);
        var writer = new EventStreamWriter(_committer, A, 2);

        var result = await writer.AppendAsync(Events("a3"));

        Assert.Equal(2, _store.Batches.Last().Single().ExpectedSeq);
        Assert.Equal([3L], result.Appended.Select(e => e.Seq));
    }

    [Fact]
    public async Task Each_append_is_numbered_after_the_writers_previous_one_even_while_that_one_commits()
    {
        var writer = new EventStreamWriter(_committer, A, 0);
        _store.Hold = true;
        var first = writer.AppendAsync(Events("a1", "a2"));
        var held = await _store.NextHeldAsync();

        var second = writer.AppendAsync(Events("a3"));
        _store.Hold = false;
        held.Release();

        Assert.Equal([3L], (await second).Appended.Select(e => e.Seq));
        Assert.Equal(AppendStatus.Committed, (await first).Status);
        Assert.Equal(["a1", "a2", "a3"], _store.Stream(A));
    }

    [Fact]
    public async Task Restarting_at_a_position_numbers_from_there_and_the_next_append_follows_it()
    {
        var writer = new EventStreamWriter(_committer, A, 5); // stale: the stream is empty
        var refused = await writer.AppendAsync(Events("a1"));
        var alsoRefused = await writer.AppendAsync(Events("a2"));

        var restarted = await writer.AppendAtAsync(0, Events("a1"));
        var next = await writer.AppendAsync(Events("a2"));

        Assert.Equal([AppendStatus.StreamConflict, AppendStatus.StreamConflict], [refused.Status, alsoRefused.Status]);
        Assert.Equal([1L], restarted.Appended.Select(e => e.Seq));
        Assert.Equal([2L], next.Appended.Select(e => e.Seq));
    }

    [Fact]
    public async Task An_empty_append_at_a_position_settles_at_once_without_a_commit_and_the_next_starts_there()
    {
        await _committer.AppendAsync(FakeBatchWriter.Append(A, 0, "a1"), Ct);
        var writer = new EventStreamWriter(_committer, A, 0);
        var batches = _store.Batches.Count;

        var empty = writer.AppendAtAsync(1, []);
        Assert.True(empty.IsCompletedSuccessfully);
        Assert.Equal(batches, _store.Batches.Count);

        Assert.Equal([2L], (await writer.AppendAsync(Events("a2"))).Appended.Select(e => e.Seq));
    }

    public async ValueTask DisposeAsync()
    {
        _store.ReleaseAll();
        await _committer.DisposeAsync();
    }
}

namespace Pulse.EventLog;

/// <summary>
/// The single writer of one stream, and the one place that remembers its previous append. Each append is queued
/// before the method returns, numbered after that previous one even while it is still committing, so the writer
/// never waits for one commit before queueing the next. If an append is refused (someone else moved the stream) or
/// fails, every append queued after it is refused too; the writer then catches up from the log and starts again
/// from a known position with <see cref="AppendAtAsync"/>. One caller at a time (a grain's turns): not thread-safe.
/// </summary>
public sealed class EventStreamWriter
{
    private readonly GroupCommitter _committer;
    private long _position; // where the next append starts while there is no previous one to follow
    private PendingAppend? _previous;

    internal EventStreamWriter(GroupCommitter committer, StreamId stream, long position)
    {
        ArgumentException.ThrowIfNullOrEmpty(stream.TenantId, nameof(stream));
        ArgumentException.ThrowIfNullOrEmpty(stream.EmployeeId, nameof(stream));
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        _committer = committer;
        Stream = stream;
        _position = position;
    }

    public StreamId Stream { get; }

    /// <summary>
    /// Queues the events after this writer's previous append (or at the position it was opened or restarted at).
    /// The task completes once they are committed, with the refusal if the previous append was not committed, and
    /// faults if the commit failed (its outcome unknown).
    /// </summary>
    public Task<AppendResult> AppendAsync(IReadOnlyList<PendingEvent> events) =>
        _previous is { } previous ? Queue(new StreamAppend(Stream, 0, events), previous) : AppendAtAsync(_position, events);

    /// <summary>
    /// Queues the events numbered from <paramref name="position"/>, the position the writer has caught up to, whatever
    /// was queued before; refused if the stream has moved past it. Later appends follow this one.
    /// </summary>
    public Task<AppendResult> AppendAtAsync(long position, IReadOnlyList<PendingEvent> events)
    {
        if (events.Count == 0)
        {
            AppendValidation.Validate(new StreamAppend(Stream, position, events));
            _previous = null;
            _position = position;
            return Task.FromResult(new AppendResult(AppendStatus.Committed, [], []) { Head = position });
        }

        return Queue(new StreamAppend(Stream, position, events), null);
    }

    private Task<AppendResult> Queue(StreamAppend append, PendingAppend? after)
    {
        AppendValidation.Validate(append);
        var pending = _committer.Enqueue(append, after);
        _previous = pending;
        return pending.Completion.Task;
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Pulse.EventLog;

/// <summary>
/// Group commit: appends from many grains queue up and one writer loop commits them many at a time, one transaction
/// (one fsync) per batch. A caller's task completes only after the transaction holding its append has committed.
/// With <c>maxConcurrentBatches</c> above one (PostgreSQL), the next batch forms and commits while earlier ones are
/// still in flight, so the database's round trips and fsync overlap instead of queueing behind each other; and when
/// several slots are free, what is queued is divided among them (<see cref="BatchSizing"/>).
/// A <see cref="EventStreamWriter"/> may queue its next append to a stream before the previous one has committed: in the
/// same batch it simply follows the previous one; while that one is in flight in another batch it waits, parked, and
/// returns to the queue once the previous one settles, numbered from its outcome. So batches in flight together never
/// hold two appends of one stream from the same writer; a race with another writer ends in the store's unique keys
/// and the per-append retry below.
/// </summary>
internal sealed partial class GroupCommitter : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly IAppendBatchWriter _writer;
    private readonly int _maxBatchEvents;
    private readonly SemaphoreSlim _slots;
    private readonly int _maxConcurrentBatches;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private readonly int _minSplitEvents;
    private long _queuedEvents; // events in the queue, for dividing them among free slots
    private long _lastBatchId; // the loop's alone
    private long _unsettled; // appends accepted and not yet settled, parked ones included
    private volatile bool _closing;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GroupCommitter(IAppendBatchWriter writer, int maxBatchEvents, ILogger logger, int maxConcurrentBatches = 1, int minSplitEvents = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchEvents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentBatches, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSplitEvents, 1);
        _minSplitEvents = minSplitEvents;
        _writer = writer;
        _maxBatchEvents = maxBatchEvents;
        _maxConcurrentBatches = maxConcurrentBatches;
        _slots = new SemaphoreSlim(maxConcurrentBatches, maxConcurrentBatches);
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<AppendResult> AppendAsync(StreamAppend append, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<AppendResult>(cancellationToken);
        }

        var result = Enqueue(append, null).Completion.Task;

        // Once queued, the append may commit whatever the caller does; cancelling only stops the wait. A retry is
        // safe: the same event ids come back as duplicates or the stream reports a conflict.
        return cancellationToken.CanBeCanceled ? result.WaitAsync(cancellationToken) : result;
    }

    /// <summary>
    /// Queues the append and returns at once; its completion settles after the commit. With <paramref name="after"/>
    /// (the same writer's previous append to the stream) it is numbered after that one, its own position ignored.
    /// </summary>
    public PendingAppend Enqueue(StreamAppend append, PendingAppend? after)
    {
        var pending = new PendingAppend(append, after);
        if (_closing)
        {
            pending.Fail(new ObjectDisposedException(nameof(GroupCommitter), "The event log is shutting down."));
            return pending;
        }

        Interlocked.Increment(ref _unsettled);
        Queue(pending);
        return pending;
    }

    private void Queue(PendingAppend pending)
    {
        Interlocked.Add(ref _queuedEvents, pending.Append.Events.Count);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _queuedEvents, -pending.Append.Events.Count);
            Settle(pending, null, new ObjectDisposedException(nameof(GroupCommitter), "The event log stopped before the append was committed."));
        }
    }

    /// <summary>Completes (or fails) an append and sends the appends parked on it back to the queue.</summary>
    private void Settle(PendingAppend pending, AppendResult? result, Exception? failure = null)
    {
        var parked = failure is null ? pending.Succeed(result!) : pending.Fail(failure);
        if (Interlocked.Decrement(ref _unsettled) == 0 && _closing) _drained.TrySetResult();
        if (parked is null) return;
        foreach (var successor in parked)
        {
            Queue(successor);
        }
    }

    /// <summary>
    /// Readies an append for batch <paramref name="batchId"/>: true if it goes in; false if it now waits for the
    /// append it follows (parked) or was settled here as a conflict because that one did not commit.
    /// </summary>
    private bool Admit(PendingAppend pending, long batchId)
    {
        if (pending.After is { } after)
        {
            var placement = after.Place(pending, batchId);
            if (placement == AppendPlacement.Parked) return false;
            pending.After = null;
            if (placement == AppendPlacement.SameBatch)
            {
                pending.Previous = after;
                pending.Append = pending.Append with { FollowsPrevious = true };
            }
            else if (after.Completion.Task is { IsCompletedSuccessfully: true, Result: { Status: AppendStatus.Committed } previous })
            {
                pending.Append = pending.Append with { ExpectedSeq = previous.Head };
            }
            else
            {
                // The previous append was refused or failed (its outcome unknown): the writer must catch up first.
                Settle(pending, AppendResult.Conflict);
                return false;
            }
        }

        pending.BatchId = batchId;
        return true;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingAppend>();
        var carry = (PendingAppend?)null;
        var inFlight = new HashSet<Task>();
        try
        {
            while (carry is not null || await reader.WaitToReadAsync())
            {
                // Wait for a free slot before taking appends: whatever arrives meanwhile joins this batch.
                await _slots.WaitAsync();
                var batchId = ++_lastBatchId;
                var events = 0;
                var limit = BatchSizing.Limit(_maxBatchEvents, _minSplitEvents, _slots.CurrentCount + 1, Interlocked.Read(ref _queuedEvents));
                if (carry is not null && Admit(carry, batchId))
                {
                    batch.Add(carry);
                    events += carry.Append.Events.Count;
                }

                carry = null;
                while (events < limit && reader.TryRead(out var next))
                {
                    Interlocked.Add(ref _queuedEvents, -next.Append.Events.Count);
                    // Keep a batch within the limit unless a single append is larger than it on its own.
                    if (batch.Count > 0 && events + next.Append.Events.Count > limit)
                    {
                        carry = next;
                        break;
                    }

                    if (!Admit(next, batchId)) continue;
                    batch.Add(next);
                    events += next.Append.Events.Count;
                }

                if (batch.Count == 0)
                {
                    // Everything taken waits for an append in flight (or was settled): nothing to commit.
                    _slots.Release();
                    continue;
                }

                if (_maxConcurrentBatches == 1)
                {
                    try
                    {
                        await CommitAsync(batch, events);
                    }
                    finally
                    {
                        _slots.Release();
                    }
                    batch.Clear();
                    continue;
                }

                // The writer may do its I/O synchronously; run each batch on its own pool thread so they overlap.
                var handedOff = batch;
                var count = events;
                batch = [];
                var commit = Task.Run(async () =>
                {
                    try
                    {
                        await CommitAsync(handedOff, count);
                    }
                    finally
                    {
                        _slots.Release();
                    }
                });
                inFlight.Add(commit);
                inFlight.RemoveWhere(t => t.IsCompleted);
            }
        }
        catch (Exception ex)
        {
            LogLoopFailed(_logger, ex);
        }
        finally
        {
            var stopped = new ObjectDisposedException(nameof(GroupCommitter), "The event log stopped before the append was committed.");
            _closing = true;
            _queue.Writer.TryComplete();
            if (carry is not null) Settle(carry, null, stopped);
            foreach (var pending in batch)
            {
                Settle(pending, null, stopped);
            }

            while (reader.TryRead(out var left))
            {
                Settle(left, null, stopped);
            }

            // Batches already handed to the writer finish on their own (CommitAsync never throws).
            await Task.WhenAll(inFlight);
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch, int events)
    {
        var appends = batch.ConvertAll(p => p.Append);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var results = await _writer.CommitAsync(appends, CancellationToken.None);
            var committed = Stopwatch.GetTimestamp();
            EventLogMetrics.CommitDuration.Record(Stopwatch.GetElapsedTime(started, committed).TotalMilliseconds);
            EventLogMetrics.CommitEvents.Record(events);
            for (var i = 0; i < batch.Count; i++)
            {
                EventLogMetrics.AppendDuration.Record(Stopwatch.GetElapsedTime(batch[i].QueuedAt, committed).TotalMilliseconds);
                Settle(batch[i], results[i]);
            }

            LogBatchCommitted(_logger, batch.Count, events);
            return;
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One bad append (a constraint violation from a racing writer, say) must not fail the others:
            // retry each alone so only the guilty one sees the error.
            LogBatchFailed(_logger, ex, batch.Count, events);
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                Settle(pending, null, ex);
            }

            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                // Alone, an append that followed another in the batch is numbered from that one's own outcome.
                if (pending.Previous is { } previous)
                {
                    pending.Previous = null;
                    if (previous.Completion.Task is not { IsCompletedSuccessfully: true, Result: { Status: AppendStatus.Committed } before })
                    {
                        Settle(pending, AppendResult.Conflict);
                        continue;
                    }

                    pending.Append = pending.Append with { FollowsPrevious = false, ExpectedSeq = before.Head };
                }

                var result = await _writer.CommitAsync([pending.Append], CancellationToken.None);
                Settle(pending, result[0]);
            }
            catch (Exception ex)
            {
                Settle(pending, null, ex);
            }
        }
    }

    /// <summary>Stops taking appends, commits what is queued (parked appends included), then stops the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _closing = true;
        if (Interlocked.Read(ref _unsettled) == 0) _drained.TrySetResult();
        if (!_loop.IsCompleted) await Task.WhenAny(_drained.Task, _loop);
        _queue.Writer.TryComplete();
        await _loop;
        _slots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed {Appends} appends ({Events} events) in one transaction")]
    private static partial void LogBatchCommitted(ILogger logger, int appends, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch of {Appends} appends ({Events} events) failed to commit; retrying each append alone")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int appends, int events);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Group-commit loop stopped unexpectedly; pending appends fail")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}

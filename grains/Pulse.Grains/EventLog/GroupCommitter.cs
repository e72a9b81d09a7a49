using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Pulse.EventLog;

/// <summary>
/// Group commit: appends from many grains queue up and one writer loop commits them many at a time, one transaction
/// (one fsync) per batch. A caller's task completes only after the transaction holding its append has committed.
/// With <c>maxConcurrentBatches</c> above one (PostgreSQL), the next batch forms and commits while earlier ones are
/// still in flight, so the database's round trips and fsync overlap instead of queueing behind each other; and when
/// several slots are free, what is queued is divided among them (<see cref="BatchSizing"/>). Batches
/// in flight together never hold two appends of one stream from the same writer (a grain awaits its append before
/// sending the next); a race with another writer ends in the store's unique keys and the per-append retry below.
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
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _loop;
    private readonly int _minSplitEvents;
    private long _queuedEvents; // events in the queue, for dividing them among free slots

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

        var pending = new PendingAppend(append);
        Interlocked.Add(ref _queuedEvents, append.Events.Count);
        if (!_queue.Writer.TryWrite(pending))
        {
            return Task.FromException<AppendResult>(new ObjectDisposedException(nameof(GroupCommitter), "The event log is shutting down."));
        }

        // Once queued, the append may commit whatever the caller does; cancelling only stops the wait. A retry is
        // safe: the same event ids come back as duplicates or the stream reports a conflict.
        return cancellationToken.CanBeCanceled ? pending.Completion.Task.WaitAsync(cancellationToken) : pending.Completion.Task;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingAppend>();
        var carry = (PendingAppend?)null;
        var inFlight = new HashSet<Task>();
        try
        {
            while (carry is not null || await reader.WaitToReadAsync(_abort.Token))
            {
                // Wait for a free slot before taking appends: whatever arrives meanwhile joins this batch.
                await _slots.WaitAsync(_abort.Token);
                var events = 0;
                var limit = BatchSizing.Limit(_maxBatchEvents, _minSplitEvents, _slots.CurrentCount + 1, Interlocked.Read(ref _queuedEvents));
                if (carry is not null)
                {
                    batch.Add(carry);
                    events += carry.Append.Events.Count;
                    carry = null;
                }

                while (events < limit && reader.TryRead(out var next))
                {
                    Interlocked.Add(ref _queuedEvents, -next.Append.Events.Count);
                    // Keep a batch within the limit unless a single append is larger than it on its own.
                    if (batch.Count > 0 && events + next.Append.Events.Count > limit)
                    {
                        carry = next;
                        break;
                    }

                    batch.Add(next);
                    events += next.Append.Events.Count;
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
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Hard stop: whatever is still queued fails below.
        }
        catch (Exception ex)
        {
            LogLoopFailed(_logger, ex);
        }
        finally
        {
            var stopped = new ObjectDisposedException(nameof(GroupCommitter), "The event log stopped before the append was committed.");
            carry?.Completion.TrySetException(stopped);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(stopped);
            }

            _queue.Writer.TryComplete();
            while (reader.TryRead(out var left))
            {
                left.Completion.TrySetException(stopped);
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
            var results = await _writer.CommitAsync(appends, _abort.Token);
            var committed = Stopwatch.GetTimestamp();
            EventLogMetrics.CommitDuration.Record(Stopwatch.GetElapsedTime(started, committed).TotalMilliseconds);
            EventLogMetrics.CommitEvents.Record(events);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
                EventLogMetrics.AppendDuration.Record(Stopwatch.GetElapsedTime(batch[i].QueuedAt, committed).TotalMilliseconds);
            }

            LogBatchCommitted(_logger, batch.Count, events);
            return;
        }
        catch (Exception ex) when (batch.Count > 1 && !_abort.IsCancellationRequested)
        {
            // One bad append (a constraint violation from a racing writer, say) must not fail the others:
            // retry each alone so only the guilty one sees the error.
            LogBatchFailed(_logger, ex, batch.Count, events);
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(ex);
            }

            return;
        }

        foreach (var pending in batch)
        {
            try
            {
                var result = await _writer.CommitAsync([pending.Append], _abort.Token);
                pending.Completion.TrySetResult(result[0]);
            }
            catch (Exception ex)
            {
                pending.Completion.TrySetException(ex);
            }
        }
    }

    /// <summary>Stops taking appends, commits what is queued, then stops the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _abort.Dispose();
        _slots.Dispose();
    }

    /// <summary>Stops without committing what is queued: pending appends fail (their outcome may be unknown).</summary>
    public async Task AbortAsync()
    {
        _queue.Writer.TryComplete();
        await _abort.CancelAsync();
        await _loop;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed {Appends} appends ({Events} events) in one transaction")]
    private static partial void LogBatchCommitted(ILogger logger, int appends, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch of {Appends} appends ({Events} events) failed to commit; retrying each append alone")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int appends, int events);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Group-commit loop stopped unexpectedly; pending appends fail")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}

namespace Pulse.EventLog;

/// <summary>
/// An append waiting in the group-commit queue, with the task its caller awaits. An append that follows a previous
/// one (<see cref="After"/>) still in flight in another batch waits here, parked on that one, and goes back to the
/// queue when it settles.
/// </summary>
internal sealed class PendingAppend(StreamAppend append, PendingAppend? after = null)
{
    private bool _settled;
    private List<PendingAppend>? _parked;

    /// <summary>The append as the writer gets it: the committer resolves <see cref="After"/> into a position.</summary>
    public StreamAppend Append { get; set; } = append;

    /// <summary>
    /// The same writer's previous append to this stream, while this one is still to be numbered after it (the
    /// committer clears it once it has placed this one). Read and written by the committer loop only.
    /// </summary>
    public PendingAppend? After { get; set; } = after;

    /// <summary>When the append was queued (<see cref="System.Diagnostics.Stopwatch"/> ticks), for the wait metric.</summary>
    public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    // Continuations run asynchronously so a caller's code never runs on (and stalls) the writer loop.
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The batch this append was placed in (0: none yet). Read and written by the committer loop only.</summary>
    public long BatchId { get; set; }

    /// <summary>The previous append of the stream in the same batch, when this one follows it there.</summary>
    public PendingAppend? Previous { get; set; }

    /// <summary>Where <paramref name="successor"/>, which follows this append, can go while the loop forms batch <paramref name="batchId"/>.</summary>
    public AppendPlacement Place(PendingAppend successor, long batchId)
    {
        lock (this)
        {
            if (_settled) return AppendPlacement.AfterSettled;
            if (BatchId == batchId) return AppendPlacement.SameBatch;
            (_parked ??= []).Add(successor);
            return AppendPlacement.Parked;
        }
    }

    /// <summary>Completes the append; returns the appends parked on it, which must go back to the queue.</summary>
    public List<PendingAppend>? Succeed(AppendResult result)
    {
        Completion.TrySetResult(result);
        return Settle();
    }

    /// <summary>Fails the append; returns the appends parked on it, which must go back to the queue.</summary>
    public List<PendingAppend>? Fail(Exception exception)
    {
        Completion.TrySetException(exception);
        return Settle();
    }

    private List<PendingAppend>? Settle()
    {
        lock (this)
        {
            _settled = true;
            Previous = null; // a settled append is the writer's latest: it must not keep its batch-mates reachable
            var parked = _parked;
            _parked = null;
            return parked;
        }
    }
}

namespace Pulse.EventLog;

/// <summary>An append waiting in the group-commit queue, with the task its caller awaits.</summary>
internal sealed class PendingAppend(StreamAppend append)
{
    public StreamAppend Append { get; } = append;

    /// <summary>When the append was queued (<see cref="System.Diagnostics.Stopwatch"/> ticks), for the wait metric.</summary>
    public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    // Continuations run asynchronously so a caller's code never runs on (and stalls) the writer loop.
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

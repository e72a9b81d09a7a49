namespace Pulse.EventLog;

/// <summary>An append waiting in the group-commit queue, with the task its caller awaits.</summary>
internal sealed class PendingAppend(StreamAppend append)
{
    public StreamAppend Append { get; } = append;

    // Continuations run asynchronously so a caller's code never runs on (and stalls) the writer loop.
    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

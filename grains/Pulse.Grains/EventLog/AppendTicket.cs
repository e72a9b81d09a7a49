namespace Pulse.EventLog;

/// <summary>
/// An append the log has queued: its outcome once committed, and the handle the writer's next append to the same
/// stream names in <see cref="StreamAppend.After"/> to be numbered after it.
/// </summary>
public sealed class AppendTicket
{
    internal AppendTicket(PendingAppend pending)
    {
        Pending = pending;
        Result = pending.Completion.Task;
    }

    private AppendTicket(AppendResult settled)
    {
        Result = Task.FromResult(settled);
    }

    /// <summary>Completes once the append is committed (or refused); faults if its commit failed (outcome unknown).</summary>
    public Task<AppendResult> Result { get; }

    /// <summary>The queued append behind this ticket; null for one settled without queueing.</summary>
    internal PendingAppend? Pending { get; }

    internal static AppendTicket Settled(AppendResult result) => new(result);
}

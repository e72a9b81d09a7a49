namespace Pulse.EventLog;

/// <summary>
/// An append to one stream. <see cref="ExpectedSeq"/> is the last position the writer knows; the log numbers the
/// new events from there and refuses the append (<see cref="AppendStatus.StreamConflict"/>) if someone else wrote since.
/// </summary>
public sealed record StreamAppend(StreamId Stream, long ExpectedSeq, IReadOnlyList<PendingEvent> Events)
{
    /// <summary>
    /// The same writer's previous append to this stream, when it may still be waiting to commit. Set, this append is
    /// numbered from wherever that one ends (<see cref="ExpectedSeq"/> is ignored) and is refused as a conflict if that
    /// one was not committed; so a writer can queue its next append without waiting for the previous commit.
    /// </summary>
    public AppendTicket? After { get; init; }

    /// <summary>
    /// Set by the group committer only, for the batch writer: numbered from where the previous append of the same
    /// stream in this batch ends, and a conflict if that one was.
    /// </summary>
    internal bool FollowsPrevious { get; init; }
}

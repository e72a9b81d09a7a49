namespace Pulse.EventLog;

/// <summary>
/// An append to one stream. <see cref="ExpectedSeq"/> is the last position the writer knows; the log numbers the
/// new events from there and refuses the append (<see cref="AppendStatus.StreamConflict"/>) if someone else wrote since.
/// </summary>
public sealed record StreamAppend(StreamId Stream, long ExpectedSeq, IReadOnlyList<PendingEvent> Events)
{
    /// <summary>
    /// Set by the group committer only, for the batch writer: numbered from where the previous append of the same
    /// stream in this batch ends (<see cref="ExpectedSeq"/> is ignored), and a conflict if that one was.
    /// </summary>
    internal bool FollowsPrevious { get; init; }
}

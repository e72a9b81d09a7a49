namespace Pulse.EventLog;

/// <summary>
/// An append to one stream. <see cref="ExpectedSeq"/> is the last position the writer knows; the log numbers the
/// new events from there and refuses the append (<see cref="AppendStatus.StreamConflict"/>) if someone else wrote since.
/// </summary>
public sealed record StreamAppend(StreamId Stream, long ExpectedSeq, IReadOnlyList<PendingEvent> Events);

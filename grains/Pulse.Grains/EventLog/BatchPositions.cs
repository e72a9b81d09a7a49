namespace Pulse.EventLog;

/// <summary>Where an append in a batch must find its stream for the batch writer to commit it.</summary>
internal static class BatchPositions
{
    /// <summary>
    /// The head <paramref name="append"/> expects: its own <see cref="StreamAppend.ExpectedSeq"/>, or, when it follows
    /// the previous append of its stream in the batch, the current <paramref name="head"/> if that one committed
    /// (<paramref name="intact"/> holds the streams whose latest append in the batch did) and -1, never a head, if not.
    /// </summary>
    public static long ExpectedHead(StreamAppend append, long head, HashSet<StreamId> intact) =>
        !append.FollowsPrevious ? append.ExpectedSeq : intact.Contains(append.Stream) ? head : -1;
}

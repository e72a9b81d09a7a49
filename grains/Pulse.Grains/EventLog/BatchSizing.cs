namespace Pulse.EventLog;

/// <summary>
/// How many events the group committer puts in the batch it is forming. Under full load every slot is busy and a
/// batch takes all it may (one commit per fsync serves the most events). When other commit slots are idle too, what
/// is queued is divided among them: one request's ~500 events then commit as two or three transactions side by side
/// instead of one long one, which shortens the request and, at half the maximum rate, how often the next request
/// arrives while the previous one is still committing (the requests that make the latency tail).
/// </summary>
internal static class BatchSizing
{
    /// <param name="maxBatchEvents">The most events one transaction may hold.</param>
    /// <param name="minSplitEvents">The fewest events worth a transaction of their own when splitting.</param>
    /// <param name="freeSlots">Commit slots free, counting the one this batch has taken.</param>
    /// <param name="queuedEvents">Events waiting in the queue.</param>
    public static int Limit(int maxBatchEvents, int minSplitEvents, int freeSlots, long queuedEvents)
    {
        if (freeSlots <= 1 || queuedEvents < 2L * minSplitEvents) return maxBatchEvents;
        var share = (queuedEvents + freeSlots - 1) / freeSlots;
        return (int)Math.Min(maxBatchEvents, Math.Max(minSplitEvents, share));
    }
}

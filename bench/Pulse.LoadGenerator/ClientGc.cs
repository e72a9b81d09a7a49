namespace Pulse.LoadGenerator;

/// <summary>
/// The load generator's own garbage collections during a run. Every pause of the client is added to the latency of
/// the requests it has in flight, and an open-loop client sends the requests that fell due meanwhile all at once
/// when it resumes: a report that shows the client's pauses says how much of a tail was the client's.
/// </summary>
public sealed record ClientGc(int Collections, int FullCollections, double PauseMilliseconds)
{
    public static Measuring Start() => new(GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public sealed class Measuring(int collections, int fullCollections, TimeSpan paused)
    {
        public ClientGc Stop() => new(
            GC.CollectionCount(0) - collections,
            GC.CollectionCount(2) - fullCollections,
            (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
    }
}

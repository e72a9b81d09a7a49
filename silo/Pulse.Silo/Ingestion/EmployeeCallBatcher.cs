using System.Collections.Concurrent;
using Pulse.Events;
using Pulse.Grains;

namespace Pulse.Silo.Ingestion;

/// <summary>
/// Keeps at most <see cref="MaxCallsInFlight"/> ingestion calls in flight per employee grain on this silo: events that
/// arrive for an employee while that many of its calls are still committing ride together in the next call,
/// whichever requests they came from. The grain pipelines its calls, so a second call in flight lets an overlapping
/// request's append join the group commit at once; one or more than two measured worse (docs/benchmarks.md). Past
/// the limit, combining requests saves a grain call and an append per request when the silo is saturated.
/// </summary>
public sealed class EmployeeCallBatcher
{
    /// <summary>Most events sent in one combined call (a single larger request still goes alone).</summary>
    public const int MaxEventsPerCall = 5_000;

    /// <summary>Most calls in flight to one employee grain from this silo.</summary>
    public const int MaxCallsInFlight = 2;

    /// <summary>Most grain references kept; past it the cache starts over (a reference is cheap to rebuild, just not per call).</summary>
    private const int MaxCachedReferences = 100_000;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    // Building a reference from its string key (encoding and hashing the id) was about 4% of the silo's CPU under load.
    private readonly ConcurrentDictionary<string, IEmployeeGrain> _references = new(StringComparer.Ordinal);

    private readonly Func<string, IEmployeeGrain> _grainFor;

    public EmployeeCallBatcher(IGrainFactory grains)
        : this(key => grains.GetGrain<IEmployeeGrain>(key))
    {
    }

    /// <summary>Sends the calls to the grains <paramref name="grainFor"/> returns (tests give their own).</summary>
    internal EmployeeCallBatcher(Func<string, IEmployeeGrain> grainFor) => _grainFor = grainFor;

    /// <summary>Applies the events to the employee grain <paramref name="grainKey"/>; the answer covers exactly these events.</summary>
    public Task<AppliedEvents> ApplyAsync(string grainKey, BusinessEvent[] events)
    {
        var waiter = new Waiter(events);
        while (true)
        {
            var lane = _lanes.GetOrAdd(grainKey, key => new Lane(key));
            bool start;
            lock (lane)
            {
                if (lane.Retired) continue; // it went idle and left the table just now: take a fresh one
                lane.Queue.Enqueue(waiter);
                start = lane.Callers < MaxCallsInFlight;
                if (start) lane.Callers++;
            }
            if (start) _ = RunAsync(lane);
            return waiter.Completion.Task;
        }
    }

    private async Task RunAsync(Lane lane)
    {
        while (true)
        {
            var batch = new List<Waiter>();
            var count = 0;
            lock (lane)
            {
                while (lane.Queue.TryPeek(out var next) && (batch.Count == 0 || count + next.Events.Length <= MaxEventsPerCall))
                {
                    batch.Add(lane.Queue.Dequeue());
                    count += next.Events.Length;
                }
                if (batch.Count == 0)
                {
                    // Nothing left for this caller; the last one leaves the table, so it holds only employees with calls in flight.
                    if (--lane.Callers == 0)
                    {
                        lane.Retired = true;
                        _lanes.TryRemove(new KeyValuePair<string, Lane>(lane.Key, lane));
                    }
                    return;
                }
            }

            try
            {
                var events = batch.Count == 1 ? batch[0].Events : [.. batch.SelectMany(w => w.Events)];
                var applied = await ReferenceFor(lane.Key).ApplyEventsAsync(events);
                Split(batch, applied);
            }
            catch (Exception ex)
            {
                // Nothing is lost: each request answers 503 and its sender retries; committed events come back as duplicates.
                foreach (var waiter in batch) waiter.Completion.TrySetException(ex);
            }
        }
    }

    private IEmployeeGrain ReferenceFor(string grainKey)
    {
        if (_references.TryGetValue(grainKey, out var reference)) return reference;
        if (_references.Count >= MaxCachedReferences) _references.Clear();
        return _references.GetOrAdd(grainKey, _grainFor);
    }

    /// <summary>
    /// Hands each waiter the outcome of its own events. An id accepted once is credited to its first occurrence in
    /// queue order; any later occurrence (another request sending the same id meanwhile) is a duplicate, just as if
    /// the calls had been made one after the other.
    /// </summary>
    private static void Split(List<Waiter> batch, AppliedEvents applied)
    {
        if (batch.Count == 1)
        {
            batch[0].Completion.TrySetResult(applied);
            return;
        }

        var unclaimed = new HashSet<string>(applied.Accepted, StringComparer.Ordinal);
        foreach (var waiter in batch)
        {
            var accepted = new List<string>(waiter.Events.Length);
            var duplicates = new List<string>();
            foreach (var e in waiter.Events)
            {
                if (unclaimed.Remove(e.Id)) accepted.Add(e.Id);
                else duplicates.Add(e.Id);
            }
            waiter.Completion.TrySetResult(new AppliedEvents([.. accepted], [.. duplicates]));
        }
    }

    private sealed class Lane(string key)
    {
        public string Key { get; } = key;
        public Queue<Waiter> Queue { get; } = new();
        /// <summary>Loops sending calls for this employee (each has at most one call in flight).</summary>
        public int Callers { get; set; }
        public bool Retired { get; set; }
    }

    private sealed class Waiter(BusinessEvent[] events)
    {
        public BusinessEvent[] Events { get; } = events;
        public TaskCompletionSource<AppliedEvents> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

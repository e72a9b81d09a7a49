namespace Pulse.Bot.DirectLine;

/// <summary>
/// Runs the turns of one conversation one at a time, in the order they were queued, and turns of different
/// conversations side by side. A conversation may have at most <see cref="MaxWaiting"/> turns waiting; a sender
/// past that is told to slow down instead of piling up work. The order holds within this process: two silos
/// serving the same conversation each keep their own lane.
/// </summary>
public sealed class TurnLanes
{
    public const int MaxWaiting = 16;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Holds a place in the conversation's lane; false when too many turns are already waiting.</summary>
    public bool TryEnter(string conversationKey)
    {
        lock (_gate)
        {
            if (!_lanes.TryGetValue(conversationKey, out var lane)) _lanes[conversationKey] = lane = new Lane();
            if (lane.Waiting >= MaxWaiting) return false;
            lane.Waiting++;
            return true;
        }
    }

    /// <summary>Gives back a place taken with <see cref="TryEnter"/> that will not run.</summary>
    public void Leave(string conversationKey)
    {
        lock (_gate) Release(conversationKey);
    }

    /// <summary>Runs <paramref name="turn"/> after the conversation's earlier turns, in a place taken with <see cref="TryEnter"/>.</summary>
    public Task Run(string conversationKey, Func<Task> turn)
    {
        lock (_gate)
        {
            var lane = _lanes[conversationKey];
            lane.Tail = After(lane.Tail, conversationKey, turn);
            return lane.Tail;
        }
    }

    /// <summary>Every turn queued now, for a stopping host to wait on.</summary>
    public Task[] Pending()
    {
        lock (_gate) return [.. _lanes.Values.Select(l => l.Tail)];
    }

    private async Task After(Task previous, string conversationKey, Func<Task> turn)
    {
        try
        {
            // Only the order matters here (a turn handles its own failures), and never run a turn inside the caller's lock.
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
            await turn();
        }
        finally
        {
            lock (_gate) Release(conversationKey);
        }
    }

    private void Release(string conversationKey)
    {
        if (_lanes.TryGetValue(conversationKey, out var lane) && --lane.Waiting == 0) _lanes.Remove(conversationKey);
    }

    private sealed class Lane
    {
        public int Waiting { get; set; }

        public Task Tail { get; set; } = Task.CompletedTask;
    }
}

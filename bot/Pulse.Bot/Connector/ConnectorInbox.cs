using System.Threading.Channels;
using Pulse.Bot.Activities;

namespace Pulse.Bot.Connector;

/// <summary>
/// Incoming activities accepted (202) and waiting for their turn. Split into lanes by conversation, so one
/// conversation's turns run in order while other conversations run beside it; each lane is bounded.
/// </summary>
public sealed class ConnectorInbox
{
    public const int Lanes = 4;
    public const int LaneCapacity = 1_000;

    private readonly Channel<Activity>[] _lanes = [.. Enumerable.Range(0, Lanes).Select(_ =>
        Channel.CreateBounded<Activity>(new BoundedChannelOptions(LaneCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true }))];

    public IReadOnlyList<ChannelReader<Activity>> Readers => [.. _lanes.Select(l => l.Reader)];

    /// <summary>False when the conversation's lane is full: the caller answers 503 and the connector retries.</summary>
    public bool TryAccept(Activity activity) =>
        _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(activity.Conversation!.Id) % Lanes)].Writer.TryWrite(activity);
}

using System.Threading.Channels;

namespace Pulse.Bot.Connector;

/// <summary>
/// Incoming activities accepted (202) and waiting for their turn. Split into lanes by conversation, so one
/// conversation's turns run in order while other conversations run beside it; each lane is bounded.
/// </summary>
public sealed class ConnectorInbox
{
    public const int Lanes = 4;
    public const int LaneCapacity = 1_000;

    private readonly Channel<AcceptedActivity>[] _lanes = [.. Enumerable.Range(0, Lanes).Select(_ =>
        Channel.CreateBounded<AcceptedActivity>(new BoundedChannelOptions(LaneCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true }))];

    public IReadOnlyList<ChannelReader<AcceptedActivity>> Readers => [.. _lanes.Select(l => l.Reader)];

    /// <summary>False when the conversation's lane is full: the caller answers 503 and the connector retries.</summary>
    public bool TryAccept(AcceptedActivity accepted) =>
        _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(accepted.Activity.Conversation!.Id) % Lanes)].Writer.TryWrite(accepted);
}

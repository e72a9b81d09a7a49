namespace Pulse.Chat;

/// <summary>
/// Where a notice goes now, as the user's chat presence decided on its first offer: their open Direct Line
/// conversations (by Pulse conversation id) and their open Bot Connector conversations (by reference). Empty when the
/// notice was already offered, is muted, or is held until the user is back.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.chat.notice-delivery")]
public sealed record NoticeDelivery(
    [property: Id(0)] string[] Conversations,
    [property: Id(1)] ChannelConversation[] Channels)
{
    public static readonly NoticeDelivery None = new([], []);

    public int Count => Conversations.Length + Channels.Length;
}

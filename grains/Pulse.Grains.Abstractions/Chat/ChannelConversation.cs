namespace Pulse.Chat;

/// <summary>
/// Where the bot can start a message in a Bot Connector channel (Teams, Azure Bot Service): the conversation reference
/// the Bot Framework's proactive messaging needs, taken from a linked user's authenticated turn. The message goes to
/// <c>{ServiceUrl}/v3/conversations/{ConversationId}/activities</c>, from <see cref="BotId"/> to <see cref="UserId"/>.
/// <see cref="ChannelTenantId"/> is the channel's own tenant (Teams' Azure AD tenant), not Pulse's.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.chat.channel-conversation")]
public sealed record ChannelConversation(
    [property: Id(0)] string ChannelId,
    [property: Id(1)] string ServiceUrl,
    [property: Id(2)] string ConversationId,
    [property: Id(3)] string BotId,
    [property: Id(4)] string? BotName,
    [property: Id(5)] string UserId,
    [property: Id(6)] string? UserName,
    [property: Id(7)] string? ChannelTenantId)
{
    /// <summary>Longest field kept (the connector endpoint accepts ids of this length).</summary>
    public const int MaxFieldLength = 512;

    /// <summary>A channel's conversation is itself by channel and conversation id; its serviceUrl may move.</summary>
    public bool IsSameAs(ChannelConversation other) =>
        string.Equals(ChannelId, other.ChannelId, StringComparison.Ordinal) && string.Equals(ConversationId, other.ConversationId, StringComparison.Ordinal);
}

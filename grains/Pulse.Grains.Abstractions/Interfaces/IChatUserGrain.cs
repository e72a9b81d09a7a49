using Pulse.Chat;
using Pulse.Live;
using Pulse.Reviews;

namespace Pulse.Grains;

/// <summary>
/// One user's chat presence: their open conversations (Direct Line, and Bot Connector channels), the notices (alerts, review notices) held while none was open,
/// muted alert types and language. Keyed by <c>GrainKeys.For(tenantId, userName)</c>.
/// </summary>
[Alias("pulse.grain.chat-user")]
public interface IChatUserGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a conversation the user opened; returns the notices held for them while no conversation was open (alerts
    /// first, then review notices, each oldest first), and forgets them.
    /// </summary>
    [Alias("opened")]
    Task<IChatNotice[]> ConversationOpenedAsync(string conversationId);

    /// <summary>The user used a conversation (posted, or connected its stream): it counts as open for alerts.</summary>
    [Alias("active")]
    Task ConversationActiveAsync(string conversationId);

    /// <summary>
    /// The user wrote in a conversation, in <paramref name="locale"/> when given: <see cref="ConversationActiveAsync"/>
    /// and <see cref="SetLocaleAsync"/> in one call and at most one write.
    /// </summary>
    [Alias("wrote")]
    Task ConversationUsedAsync(string conversationId, string? locale);

    /// <summary>
    /// The user sent a turn through the Bot Connector in a one-to-one channel conversation (in <paramref name="locale"/>
    /// when they wrote): the conversation is remembered by its reference and counts as open, as a used Direct Line
    /// conversation does. Returns the notices held while none of the user's conversations was open (alerts first, then
    /// review notices, each oldest first), and forgets them: the connector posts them after its reply.
    /// </summary>
    [Alias("channel-used")]
    Task<IChatNotice[]> ChannelConversationUsedAsync(ChannelConversation conversation, string? locale);

    /// <summary>
    /// Offers an alert crossing (every silo's relay may offer the same one: a crossing already seen is ignored).
    /// Returns the open conversations, Direct Line and channel, to post it to now; empty when it is muted, already
    /// seen, or held until the user next opens a conversation.
    /// </summary>
    [Alias("deliver-alert")]
    Task<NoticeDelivery> DeliverAlertAsync(LiveAlert alert);

    /// <summary>
    /// Offers a review notice, as <see cref="DeliverAlertAsync"/> offers an alert (a notice already seen is ignored;
    /// review notices are never muted). Returns the open conversations to post it to now; empty when already seen or held.
    /// </summary>
    [Alias("deliver-review-notice")]
    Task<NoticeDelivery> DeliverNoticeAsync(ReviewNotice notice);

    [Alias("profile")]
    Task<ChatProfile> GetProfileAsync();

    /// <summary>Mutes an alert type (an indicator id).</summary>
    [Alias("mute")]
    Task<ChatProfile> MuteAsync(string alertType);

    [Alias("unmute")]
    Task<ChatProfile> UnmuteAsync(string alertType);

    /// <summary>The language the user last wrote in, for messages the bot starts (alerts).</summary>
    [Alias("set-locale")]
    Task SetLocaleAsync(string locale);
}

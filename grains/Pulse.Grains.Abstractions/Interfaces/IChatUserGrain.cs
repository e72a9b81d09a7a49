using Pulse.Chat;
using Pulse.Live;

namespace Pulse.Grains;

/// <summary>
/// One user's chat presence: their open conversations, alerts held while none was open, muted alert types and
/// language. Keyed by <c>GrainKeys.For(tenantId, userName)</c>.
/// </summary>
[Alias("pulse.grain.chat-user")]
public interface IChatUserGrain : IGrainWithStringKey
{
    /// <summary>Records a conversation the user opened; returns the alerts held for them while no conversation was open, and forgets them.</summary>
    [Alias("opened")]
    Task<LiveAlert[]> ConversationOpenedAsync(string conversationId);

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
    /// Offers an alert crossing (every silo's relay may offer the same one: a crossing already seen is ignored).
    /// Returns the open conversations to post it to now; empty when it is muted, already seen, or held until the user
    /// next opens a conversation.
    /// </summary>
    [Alias("deliver")]
    Task<string[]> DeliverAlertAsync(LiveAlert alert);

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

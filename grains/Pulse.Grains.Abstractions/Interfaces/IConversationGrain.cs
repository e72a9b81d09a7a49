using Pulse.Chat;

namespace Pulse.Grains;

/// <summary>
/// One chat conversation (Direct Line, or a Bot Connector channel's conversation): its owner, a bounded transcript
/// with watermarks, the bot's dialog state, and the watchers its appends are pushed to. Keyed by
/// <c>GrainKeys.For(tenantId, conversationId)</c>.
/// </summary>
[Alias("pulse.grain.conversation")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Binds a new conversation to its user; true when it is theirs (new, or opened by them before), false when it is another user's.</summary>
    [Alias("open")]
    Task<bool> OpenAsync(ChatUser user);

    /// <summary>The user the conversation belongs to; null when it was never opened.</summary>
    [Alias("owner")]
    Task<ChatUser?> GetOwnerAsync();

    /// <summary>
    /// Appends activities (JSON objects). Each is stamped with an id <c>{conversationId}|{seq:D7}</c>, a UTC timestamp
    /// strictly later than the previous one, <c>conversation.id</c> and <c>channelId</c>; watchers get them at once.
    /// </summary>
    [Alias("append")]
    Task<AppendedActivities> AppendAsync(string[] activities);

    /// <summary>
    /// Takes a user's activity as the channel echoes it: stamped and its id answered at once, but held, unseen, until the
    /// next write (the bot's answer, any append, or on its own after a short hold), so a turn costs one write. An echo
    /// held when its process dies is lost unseen; nobody ever sees an activity that was not kept.
    /// </summary>
    [Alias("post")]
    Task<AppendedActivities> PostAsync(string activity);

    /// <summary>
    /// The bot's answer to the echoes held: writes them, then <paramref name="replies"/> (stamped as by
    /// <see cref="AppendAsync"/>; none is fine) and the dialog state, in one write.
    /// </summary>
    [Alias("answer")]
    Task<AppendedActivities> AnswerAsync(string[] replies, string? dialogState);

    /// <summary>The activities after a watermark; from the oldest one kept when the watermark is older than the bounded transcript.</summary>
    [Alias("read")]
    Task<TranscriptPage> ReadAsync(long watermark);

    /// <summary>Adds (or renews) a watcher; watchers that stop renewing are dropped.</summary>
    [Alias("watch")]
    Task WatchAsync(IConversationObserver observer);

    [Alias("unwatch")]
    Task UnwatchAsync(IConversationObserver observer);

    /// <summary>The bot's dialog state for this conversation (opaque to the grain), null when none.</summary>
    [Alias("dialog")]
    Task<string?> GetDialogStateAsync();

    [Alias("set-dialog")]
    Task SetDialogStateAsync(string? state);
}

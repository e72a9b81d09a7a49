using Orleans.Concurrency;
using Pulse.Chat;

namespace Pulse.Grains;

/// <summary>
/// A per-process receiver of a conversation's new activities: the Direct Line channel's WebSocket streams on one
/// silo. The conversation grain pushes each append to every watcher, wherever the grain runs.
/// </summary>
[Alias("pulse.chat.conversation-observer")]
public interface IConversationObserver : IGrainObserver
{
    [OneWay, Alias("appended")]
    Task OnAppendedAsync(string tenantId, string conversationId, TranscriptPage page);
}

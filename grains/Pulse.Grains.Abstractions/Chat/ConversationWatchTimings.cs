namespace Pulse.Chat;

/// <summary>The rhythm of conversation watchers, shared by the conversation grain and every process that watches.</summary>
public static class ConversationWatchTimings
{
    /// <summary>How often a watcher calls <c>IConversationGrain.WatchAsync</c> again to stay a watcher.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    /// <summary>A watcher not renewed for this long (three renewals missed: its process died) is dropped.</summary>
    public static readonly TimeSpan Expiry = RenewEvery * 3;
}

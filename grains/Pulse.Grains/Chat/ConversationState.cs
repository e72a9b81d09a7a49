namespace Pulse.Chat;

/// <summary>
/// A conversation as it is stored: its owner, the newest activities not yet sealed into a page (stamped JSON, a page
/// at most), the sealed pages kept (each its own record), how many were appended in all (the watermark), the last
/// timestamp given (so timestamps keep rising across reactivations) and the bot's dialog state. The record written on
/// every append stays about a page long however long the transcript grows.
/// </summary>
[GenerateSerializer, Alias("pulse.chat.conversation-state")]
public sealed class ConversationState
{
    [Id(0)] public ChatUser? Owner { get; set; }

    [Id(1)] public long Appended { get; set; }

    /// <summary>The newest activities, after the last sealed page. (Before pages existed this held the whole transcript.)</summary>
    [Id(2)] public List<string> Activities { get; set; } = [];

    [Id(3)] public DateTime LastTimestamp { get; set; }

    [Id(4)] public string? DialogState { get; set; }

    /// <summary>The sealed pages still kept, oldest first.</summary>
    [Id(5)] public List<SealedPage> Pages { get; set; } = [];
}

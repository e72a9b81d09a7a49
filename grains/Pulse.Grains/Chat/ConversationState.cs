namespace Pulse.Chat;

/// <summary>
/// A conversation as it is stored: its owner, the newest activities (stamped JSON, bounded), how many were appended in
/// all (the watermark), the last timestamp given (so timestamps keep rising across reactivations) and the bot's dialog state.
/// </summary>
[GenerateSerializer, Alias("pulse.chat.conversation-state")]
public sealed class ConversationState
{
    [Id(0)] public ChatUser? Owner { get; set; }

    [Id(1)] public long Appended { get; set; }

    [Id(2)] public List<string> Activities { get; set; } = [];

    [Id(3)] public DateTime LastTimestamp { get; set; }

    [Id(4)] public string? DialogState { get; set; }
}

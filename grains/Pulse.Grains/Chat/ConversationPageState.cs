namespace Pulse.Chat;

/// <summary>A sealed page of a conversation's transcript as stored: stamped activities, written once and never changed.</summary>
[GenerateSerializer, Alias("pulse.chat.conversation-page")]
public sealed class ConversationPageState
{
    [Id(0)] public List<string> Activities { get; set; } = [];
}

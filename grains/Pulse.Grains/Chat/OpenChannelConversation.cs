namespace Pulse.Chat;

/// <summary>A Bot Connector conversation the user wrote in, by reference, and when they last used it.</summary>
[GenerateSerializer, Alias("pulse.chat-open-channel-conversation")]
public sealed class OpenChannelConversation
{
    [Id(0)] public ChannelConversation Reference { get; set; } = null!;

    [Id(1)] public DateTimeOffset LastActive { get; set; }
}

namespace Pulse.Chat;

/// <summary>A conversation the user opened, and when they last used it.</summary>
[GenerateSerializer, Alias("pulse.chat-open-conversation")]
public sealed class OpenConversation
{
    [Id(0)] public string Id { get; set; } = "";

    [Id(1)] public DateTimeOffset LastActive { get; set; }
}

using System.Text.Json.Serialization;

namespace Pulse.Bot.DirectLine;

/// <summary>The answer of starting or reconnecting to a conversation: a fresh token and the stream to read it from.</summary>
public sealed record ConversationAnswer(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string StreamUrl);

using System.Text.Json.Serialization;

namespace Pulse.Bot.DirectLine;

/// <summary>The answer of the token endpoints; <c>expires_in</c> is snake case in Direct Line.</summary>
public sealed record TokenAnswer(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

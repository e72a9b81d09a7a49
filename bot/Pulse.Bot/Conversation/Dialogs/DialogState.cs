using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pulse.Bot.Conversation.Dialogs;

/// <summary>
/// What the bot keeps between turns of one conversation, as JSON in the conversation grain: the language the user
/// last wrote in, and at most one multi-step flow in progress (feedback awaiting confirmation, or a choice of recipient).
/// Small and bounded: feedback text is at most 2,000 characters and a choice at most five people.
/// </summary>
public sealed record DialogState(string? Locale = null, PendingFeedback? Pending = null, FeedbackChoice? Choice = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static DialogState Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new DialogState();
        try
        {
            return JsonSerializer.Deserialize<DialogState>(json, Json) ?? new DialogState();
        }
        catch (JsonException)
        {
            // A state this version cannot read is forgotten, not fatal: the user starts afresh.
            return new DialogState();
        }
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public DialogState Idle() => this with { Pending = null, Choice = null };
}

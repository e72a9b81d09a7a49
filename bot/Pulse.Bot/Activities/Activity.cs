using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Pulse.Bot.Activities;

/// <summary>
/// A Bot Framework activity: the fields Pulse's channels and Web Chat use. Unknown fields round-trip through
/// <see cref="Extra"/>, so an echo gives the client back what it sent; <see cref="ChannelData"/> stays raw JSON for the
/// same reason (Web Chat keys on <c>clientActivityID</c>, <c>postBack</c> and <c>messageBack</c> inside it).
/// </summary>
public sealed class Activity
{
    public string Type { get; set; } = ActivityTypes.Message;
    public string? Id { get; set; }
    public string? Timestamp { get; set; }
    public string? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Name { get; set; }
    public string? ReplyToId { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public JsonArray? Entities { get; set; }
    public JsonObject? ChannelData { get; set; }
    public JsonNode? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The id Web Chat gave an outgoing activity, which it waits to see echoed back.</summary>
    [JsonIgnore]
    public string? ClientActivityId => ChannelData?["clientActivityID"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
}

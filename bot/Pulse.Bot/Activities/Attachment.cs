using System.Text.Json.Nodes;

namespace Pulse.Bot.Activities;

/// <summary>A card or file on a message; <see cref="Content"/> is the card's JSON (hero card, Adaptive Card).</summary>
public sealed record Attachment(string ContentType, JsonNode? Content = null, string? ContentUrl = null, string? Name = null);

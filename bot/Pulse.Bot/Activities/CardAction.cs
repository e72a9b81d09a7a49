using System.Text.Json.Nodes;

namespace Pulse.Bot.Activities;

/// <summary>A button. Web Chat sends an <c>imBack</c>'s <see cref="Value"/> as the message text, so title and value are the same.</summary>
public sealed record CardAction(string Type, string Title, JsonNode? Value = null, string? DisplayText = null, string? Text = null)
{
    public static CardAction ImBack(string text) => new("imBack", text, JsonValue.Create(text));

    public static CardAction OpenUrl(string title, string url) => new("openUrl", title, JsonValue.Create(url));
}

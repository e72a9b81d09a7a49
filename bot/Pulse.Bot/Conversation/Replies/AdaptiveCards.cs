using System.Text.Json.Nodes;

namespace Pulse.Bot.Conversation.Replies;

/// <summary>
/// Adaptive Card pieces (schema 1.3, which Web Chat 4.18 renders): a card, a heading, a line of text, a fact set,
/// a container. Text blocks wrap so long names stay readable on a phone.
/// </summary>
public static class AdaptiveCards
{
    public const string Version = "1.3";

    public static JsonObject Card(params JsonNode?[] body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = Version,
        ["body"] = new JsonArray(body.Where(b => b is not null).ToArray()),
    };

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["size"] = "Medium",
        ["wrap"] = true,
    };

    public static JsonObject Line(string text, bool subtle = false, bool bold = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["spacing"] = "Small" };
        if (subtle) block["isSubtle"] = true;
        if (bold) block["weight"] = "Bolder";
        return block;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    public static JsonObject Container(params JsonNode?[] items) => new()
    {
        ["type"] = "Container",
        ["separator"] = true,
        ["items"] = new JsonArray(items.Where(i => i is not null).ToArray()),
    };
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Pulse.Webhooks;

/// <summary>
/// Each chat tool's documented message format. WeCom and DingTalk take markdown, Feishu plain text (signed in the
/// body), Slack mrkdwn, Teams an Adaptive Card 1.4 in a message attachment.
/// </summary>
public static class WebhookPayloads
{
    public static WebhookRequest Build(string kind, string url, string? secret, AlertMessage message, DateTimeOffset now) => kind switch
    {
        WebhookKinds.WeCom => new(new Uri(url), Json(new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["content"] = $"**{message.Title}**\n> {message.Text}" },
        })),
        WebhookKinds.DingTalk => new(DingTalkUrl(url, secret, now), Json(new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["title"] = message.Title, ["text"] = $"#### {message.Title}\n> {message.Text}" },
        })),
        WebhookKinds.Feishu => new(new Uri(url), Json(Feishu(secret, message, now))),
        WebhookKinds.Slack => new(new Uri(url), Json(new JsonObject { ["text"] = $"*{message.Title}*\n{message.Text}" })),
        WebhookKinds.Teams => new(new Uri(url), Json(Teams(message))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a webhook kind."),
    };

    private static Uri DingTalkUrl(string url, string? secret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret)) return new Uri(url);
        var timestamp = now.ToUnixTimeMilliseconds();
        var sign = Uri.EscapeDataString(WebhookSigning.DingTalk(timestamp, secret));
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new Uri($"{url}{separator}timestamp={timestamp.ToString(CultureInfo.InvariantCulture)}&sign={sign}");
    }

    private static JsonObject Feishu(string? secret, AlertMessage message, DateTimeOffset now)
    {
        var body = new JsonObject();
        if (!string.IsNullOrEmpty(secret))
        {
            var timestamp = now.ToUnixTimeSeconds();
            body["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture);
            body["sign"] = WebhookSigning.Feishu(timestamp, secret);
        }
        body["msg_type"] = "text";
        body["content"] = new JsonObject { ["text"] = $"{message.Title}\n{message.Text}" };
        return body;
    }

    private static JsonObject Teams(AlertMessage message) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["contentUrl"] = null,
            ["content"] = new JsonObject
            {
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["type"] = "AdaptiveCard",
                ["version"] = "1.4",
                ["body"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "TextBlock",
                        ["text"] = message.Title,
                        ["weight"] = "Bolder",
                        ["size"] = "Medium",
                        ["color"] = message.Breach ? "Attention" : "Good",
                        ["wrap"] = true,
                    },
                    new JsonObject { ["type"] = "TextBlock", ["text"] = message.Text, ["wrap"] = true }),
            },
        }),
    };

    private static string Json(JsonObject body) => body.ToJsonString();
}

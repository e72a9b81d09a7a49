using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.DirectLine;

/// <summary>
/// A Web Chat page's view of the Direct Line channel: it gets a token for its signed-in user, starts the conversation
/// and then talks with the token alone, as DirectLineJS does.
/// </summary>
public sealed class DirectLineChat
{
    public const string Base = "/v3/directline";

    private readonly PulseApp _app;

    private DirectLineChat(PulseApp app, HttpClient http, string conversationId, string token)
    {
        _app = app;
        Http = http;
        ConversationId = conversationId;
        Token = token;
    }

    public HttpClient Http { get; }

    public string ConversationId { get; }

    public string Token { get; private set; }

    public string StreamUrl { get; private set; } = "";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Gets a token as the signed-in <paramref name="user"/> (not yet started).</summary>
    public static async Task<DirectLineChat> TokenAsync(PulseApp app, HttpClient user)
    {
        var generated = await Expect.StatusAsync(await user.PostAsJsonAsync($"{Base}/tokens/generate", new { }, Cancel), 200);
        return new DirectLineChat(app, app.CreateClient(), generated["conversationId"]!.GetValue<string>(), generated["token"]!.GetValue<string>());
    }

    /// <summary>Gets a token and starts the conversation, as Web Chat does on connecting.</summary>
    public static async Task<DirectLineChat> StartAsync(PulseApp app, HttpClient user, string? locale = null)
    {
        var chat = await TokenAsync(app, user);
        var started = await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Post, "/conversations", locale is null ? new { user = new { id = "page-user" } } : new { user = new { id = "page-user" }, locale }), 201);
        chat.Token = started["token"]!.GetValue<string>();
        chat.StreamUrl = started["streamUrl"]!.GetValue<string>();
        return chat;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, Base + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return Http.SendAsync(request, Cancel);
    }

    public Task<HttpResponseMessage> SendRawAsync(string path, string body, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Base + path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return Http.SendAsync(request, Cancel);
    }

    /// <summary>Posts an activity as Web Chat does; returns the id the channel answered.</summary>
    public async Task<string> PostAsync(string text, string clientActivityId, object? from = null)
    {
        var answer = await Expect.StatusAsync(await SendAsync(HttpMethod.Post, $"/conversations/{ConversationId}/activities", Message(text, clientActivityId, from)), 200);
        return answer["id"]!.GetValue<string>();
    }

    public static object Message(string text, string clientActivityId, object? from = null) => new
    {
        type = "message",
        text,
        textFormat = "plain",
        locale = "en-US",
        channelId = "webchat",
        from = from ?? new { id = "page-user", name = "Page User", role = "user" },
        channelData = new { clientActivityID = clientActivityId, attachmentSizes = Array.Empty<int>() },
        attachments = Array.Empty<object>(),
    };

    /// <summary>One poll: the ActivitySet after <paramref name="watermark"/>.</summary>
    public async Task<JsonNode> PollAsync(string watermark = "")
    {
        var response = await SendAsync(HttpMethod.Get, $"/conversations/{ConversationId}/activities?watermark={Uri.EscapeDataString(watermark)}");
        return await Expect.StatusAsync(response, 200);
    }

    /// <summary>Polls from the start until the transcript satisfies <paramref name="condition"/>.</summary>
    public async Task<JsonArray> TranscriptAsync(Func<JsonArray, bool> condition) =>
        (await Expect.EventuallyAsync(async () => (await PollAsync())["activities"]!.AsArray(), condition))!;

    public async Task<WebSocket> ConnectAsync(string streamUrl)
    {
        var client = _app.Server.CreateWebSocketClient();
        return await client.ConnectAsync(new Uri(streamUrl), Cancel);
    }

    /// <summary>The next text frame of a stream, as JSON.</summary>
    public static async Task<JsonNode> ReceiveAsync(WebSocket socket)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var buffer = new byte[256 * 1024];
        var length = 0;
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), timeout.Token);
            length += received.Count;
        }
        while (!received.EndOfMessage);
        Assert.Equal(WebSocketMessageType.Text, received.MessageType);
        return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!;
    }
}

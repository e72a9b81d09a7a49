using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Pulse.LoadGenerator;

namespace Pulse.ChatBench;

/// <summary>
/// One Direct Line conversation as Web Chat holds it: a token from the signed-in user's credential, a conversation, a
/// WebSocket stream; questions are POSTed and their replies (replyToId = the echo's id) timed as they arrive on the stream.
/// </summary>
public sealed class ChatSession : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _replies = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<long> _alert = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private string _token = "";
    private string _conversationId = "";
    private Task _reading = Task.CompletedTask;

    private ChatSession(HttpClient http, string employeeId)
    {
        _http = http;
        EmployeeId = employeeId;
    }

    public string EmployeeId { get; }

    /// <summary>When the first alert message reached this conversation (a Stopwatch timestamp), once it has.</summary>
    public Task<long> AlertArrival => _alert.Task;

    public static async Task<ChatSession> OpenAsync(HttpClient http, string employeeId, string accessToken, string userName, CancellationToken cancellationToken)
    {
        var session = new ChatSession(http, employeeId);
        using (var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate"))
        {
            generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            generate.Content = JsonContent.Create(new { });
            using var response = await http.SendAsync(generate, cancellationToken);
            await BenchTenant.EnsureAsync(response, "get a Direct Line token", cancellationToken);
            session._token = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["token"]!.GetValue<string>();
        }
        string streamUrl;
        using (var start = session.Request(HttpMethod.Post, "/v3/directline/conversations", new JsonObject { ["user"] = new JsonObject { ["id"] = userName } }))
        {
            using var response = await http.SendAsync(start, cancellationToken);
            await BenchTenant.EnsureAsync(response, "start a conversation", cancellationToken);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            session._conversationId = body["conversationId"]!.GetValue<string>();
            session._token = body["token"]?.GetValue<string>() ?? session._token;
            streamUrl = body["streamUrl"]!.GetValue<string>();
        }
        await session._socket.ConnectAsync(new Uri(streamUrl), cancellationToken);
        session._reading = Task.Run(() => session.ReadAsync(session._stop.Token), CancellationToken.None);
        return session;
    }

    /// <summary>Asks one question; the time from sending it to its reply on the stream.</summary>
    public async Task<TimeSpan> AskAsync(string text, CancellationToken cancellationToken)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "zh-CN",
            ["from"] = new JsonObject { ["id"] = "bench", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N")[..12] },
        };
        var started = Stopwatch.GetTimestamp();
        string id;
        using (var post = Request(HttpMethod.Post, $"/v3/directline/conversations/{_conversationId}/activities", activity))
        {
            using var response = await _http.SendAsync(post, cancellationToken);
            await BenchTenant.EnsureAsync(response, "post an activity", cancellationToken);
            id = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["id"]!.GetValue<string>();
        }
        var arrived = await Reply(id).Task.WaitAsync(ReplyTimeout, cancellationToken);
        _replies.TryRemove(id, out _);
        return Stopwatch.GetElapsedTime(started, arrived);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The run is over; a socket that does not close politely changes nothing.
        }
        await _reading.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
    }

    // The reply may arrive on the stream before the POST's answer does, so both sides meet at one completion.
    private TaskCompletionSource<long> Reply(string echoId) =>
        _replies.GetOrAdd(echoId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    private HttpRequestMessage Request(HttpMethod method, string path, JsonNode body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return request;
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (!cancellationToken.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, cancellationToken);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                return;
            }
            if (result.MessageType == WebSocketMessageType.Close) return;
            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            var arrived = Stopwatch.GetTimestamp();
            var text = Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
            frame.SetLength(0);
            if (text.Length == 0) continue;
            foreach (var activity in JsonNode.Parse(text)?["activities"]?.AsArray() ?? [])
            {
                if (activity?["type"]?.GetValue<string>() != "message" || activity["from"]?["role"]?.GetValue<string>() != "bot") continue;
                if (activity["replyToId"]?.GetValue<string>() is { } replyTo) Reply(replyTo).TrySetResult(arrived);
                else if (IsAlert(activity)) _alert.TrySetResult(arrived);
            }
        }
    }

    private static bool IsAlert(JsonNode activity) =>
        activity["name"]?.GetValue<string>() == "pulse/alert" || activity["text"]?.GetValue<string>()?.Contains('⚠') == true;
}

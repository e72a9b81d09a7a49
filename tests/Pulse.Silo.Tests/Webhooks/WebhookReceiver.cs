using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Webhooks;

/// <summary>
/// A local stand-in for the chat tools: a Kestrel app on a free loopback port. Each test uses paths of its own. It
/// checks DingTalk and Feishu signatures the way those vendors do (its own computation, from their documentation) and
/// answers a bad one as they do: HTTP 200 with an error code. Other answers can be scripted per path.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedHook>> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<int, (int Status, string Body)>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _dingTalkSecrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _feishuSecrets = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>A fresh path on this receiver, as a URL a target can post to.</summary>
    public string NewUrl(out string path, string query = "")
    {
        path = "hook/" + Guid.NewGuid().ToString("N");
        return $"http://127.0.0.1:{Port}/{path}{query}";
    }

    public void ExpectDingTalkSecret(string path, string secret) => _dingTalkSecrets[path] = secret;

    public void ExpectFeishuSecret(string path, string secret) => _feishuSecrets[path] = secret;

    /// <summary>Answers the n-th request (1-based) to the path with the scripted status and body.</summary>
    public void Script(string path, Func<int, (int Status, string Body)> answer) => _scripts[path] = answer;

    public IReadOnlyList<ReceivedHook> Received(string path) => _received.TryGetValue(path, out var queue) ? [.. queue] : [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext http, string path)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync()) ?? new JsonObject();
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        bool? valid = null;
        if (_dingTalkSecrets.TryGetValue(path, out var dingTalk)) valid = DingTalkSignatureValid(query, dingTalk);
        if (_feishuSecrets.TryGetValue(path, out var feishu)) valid = FeishuSignatureValid(body, feishu);
        var queue = _received.GetOrAdd(path, _ => new ConcurrentQueue<ReceivedHook>());
        queue.Enqueue(new ReceivedHook(path, query, body, valid));

        if (valid == false)
        {
            return Results.Text(dingTalk is not null ? """{"errcode":310000,"errmsg":"sign not match"}""" : """{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}""", "application/json");
        }
        if (_scripts.TryGetValue(path, out var script))
        {
            var (status, text) = script(queue.Count);
            return Results.Text(text, "application/json", statusCode: status);
        }
        return Results.Text("""{"errcode":0,"errmsg":"ok","code":0,"msg":"success"}""", "application/json");
    }

    /// <summary>DingTalk: sign = urlencode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret))), timestamp in ms within an hour.</summary>
    private static bool DingTalkSignatureValid(Dictionary<string, string> query, string secret)
    {
        if (!query.TryGetValue("timestamp", out var timestamp) || !query.TryGetValue("sign", out var sign)) return false;
        if (!long.TryParse(timestamp, CultureInfo.InvariantCulture, out var ms) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ms) > 3_600_000) return false;
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}\n{secret}")));
        return sign == expected; // the query value arrives URL-decoded
    }

    /// <summary>Feishu: sign = base64(HMAC-SHA256(key = timestamp + "\n" + secret, empty message)), timestamp in seconds.</summary>
    private static bool FeishuSignatureValid(JsonNode body, string secret)
    {
        var timestamp = body["timestamp"]?.GetValue<string>();
        var sign = body["sign"]?.GetValue<string>();
        if (timestamp is null || sign is null || !long.TryParse(timestamp, CultureInfo.InvariantCulture, out var seconds)) return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 3_600) return false;
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes($"{timestamp}\n{secret}"));
        return sign == Convert.ToBase64String(hmac.ComputeHash([]));
    }
}

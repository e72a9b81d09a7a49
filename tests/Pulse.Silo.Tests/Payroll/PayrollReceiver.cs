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

namespace Pulse.Silo.Tests.Payroll;

/// <summary>
/// A local stand-in for a payroll system: a Kestrel app on a free loopback port. Each test uses a path of its own and
/// tells it the secret to expect; it verifies the signature itself, as a payroll team would from the README:
/// hex(HMAC-SHA256(secret, timestamp + "." + raw body)), the timestamp within five minutes. Answers can be scripted
/// per path (the n-th request's status); by default it answers 200. The five minutes are read from the clock it is given
/// (a test that moves the silo's clock gives it the same one), else the machine's.
/// </summary>
public sealed class PayrollReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedPush>> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<int, int>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    private PayrollReceiver(WebApplication app, int port, TimeProvider clock)
    {
        _app = app;
        Port = port;
        _clock = clock;
    }

    public int Port { get; }

    public static async Task<PayrollReceiver> StartAsync(TimeProvider? clock = null)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new PayrollReceiver(app, port, clock ?? TimeProvider.System);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>A fresh path on this receiver that expects the given secret, as the URL to configure.</summary>
    public string NewUrl(string secret, out string path)
    {
        path = "payroll/" + Guid.NewGuid().ToString("N");
        _secrets[path] = secret;
        return $"http://127.0.0.1:{Port}/{path}?system=hr";
    }

    /// <summary>Answers the n-th request (1-based) to the path with the scripted status.</summary>
    public void Script(string path, Func<int, int> status) => _scripts[path] = status;

    public IReadOnlyList<ReceivedPush> Received(string path) => _received.TryGetValue(path, out var queue) ? [.. queue] : [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext http, string path)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var raw = buffer.ToArray();
        var valid = _secrets.TryGetValue(path, out var secret) && SignatureValid(http.Request.Headers, raw, secret, _clock.GetUtcNow());
        var queue = _received.GetOrAdd(path, _ => new ConcurrentQueue<ReceivedPush>());
        queue.Enqueue(new ReceivedPush(JsonNode.Parse(raw) ?? new JsonObject(), http.Request.Headers["Idempotency-Key"].ToString(), valid));
        if (!valid) return Results.Text("""{"error":"bad signature"}""", "application/json", statusCode: 401);
        var status = _scripts.TryGetValue(path, out var script) ? script(queue.Count) : 200;
        return Results.Text(status < 300 ? """{"accepted":true}""" : """{"error":"secret receiver detail"}""", "application/json", statusCode: status);
    }

    private static bool SignatureValid(IHeaderDictionary headers, byte[] body, string secret, DateTimeOffset now)
    {
        var timestamp = headers["X-Pulse-Timestamp"].ToString();
        var signature = headers["X-Pulse-Signature"].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300) return false;
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = "sha256=" + Convert.ToHexString(hmac.ComputeHash([.. Encoding.UTF8.GetBytes(timestamp + "."), .. body])).ToLowerInvariant();
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }
}

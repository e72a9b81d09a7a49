using System.Net;
using System.Text;
using System.Text.Json;

namespace Pulse.Webhooks;

/// <summary>
/// Sends one request and judges the answer the way each vendor defines success: WeCom and DingTalk answer HTTP 200
/// with <c>errcode</c> in the body, Feishu with <c>code</c>, so a 200 whose code is not 0 is a failure. Timeouts, 408,
/// 429, 5xx and the vendors' rate-limit codes are worth retrying; any other refusal is not. The reason recorded is the
/// status or the vendor's code, never the body (it may echo what was sent).
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients)
{
    /// <summary>The named client: a short timeout, no cookies, no redirects (a redirect could carry the secret URL elsewhere).</summary>
    public const string ClientName = "pulse-webhooks";

    private const int MaxBodyRead = 16 * 1024;

    // DingTalk "send too fast", WeCom "api freq out of limit", Feishu "frequency limited".
    private static readonly HashSet<long> RateLimitCodes = [130101, 45009, 11232, 9499];

    public async Task<SendOutcome> SendAsync(string kind, WebhookRequest request, CancellationToken cancellationToken)
    {
        using var http = clients.CreateClient(ClientName);
        using var content = new StringContent(request.Json, Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync(request.Url, content, cancellationToken);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var retryable = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500;
                return new(false, retryable, status, $"HTTP {status}");
            }
            return kind is WebhookKinds.WeCom or WebhookKinds.DingTalk or WebhookKinds.Feishu
                ? Judge(await ReadBodyAsync(response, cancellationToken), status)
                : SendOutcome.Ok(status);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(false, true, null, "timed out");
        }
        catch (HttpRequestException ex)
        {
            return new(false, true, null, ex.HttpRequestError == HttpRequestError.Unknown ? "connection failed" : $"connection failed: {ex.HttpRequestError}");
        }
    }

    /// <summary>The vendor's code in a 200 body: 0 is success, anything else (or no code at all) a failure.</summary>
    private static SendOutcome Judge(string body, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && (root.TryGetProperty("errcode", out var code) || root.TryGetProperty("code", out code) || root.TryGetProperty("StatusCode", out code))
                && code.ValueKind == JsonValueKind.Number && code.TryGetInt64(out var value))
            {
                return value == 0 ? SendOutcome.Ok(status) : new(false, RateLimitCodes.Contains(value), status, $"error code {value}");
            }
        }
        catch (JsonException)
        {
        }
        return new(false, false, status, "unexpected answer (no error code)");
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyRead];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0) read += n;
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}

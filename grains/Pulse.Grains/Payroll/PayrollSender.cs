using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Pulse.Payroll;

/// <summary>
/// Posts one signed batch. A 2xx is delivered; timeouts, connection failures, 408, 429 and 5xx are worth retrying;
/// any other answer is a refusal that another attempt would not change. The reason recorded is the status, never the
/// body (it may echo pay data).
/// </summary>
public sealed class PayrollSender(IHttpClientFactory clients, TimeProvider clock)
{
    /// <summary>The named client: a bounded timeout, no cookies, no redirects (a redirect could carry pay data elsewhere).</summary>
    public const string ClientName = "pulse-payroll";

    public async Task<PayrollOutcome> SendAsync(Uri url, string secret, byte[] body, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var http = clients.CreateClient(ClientName);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(PayrollSigning.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(PayrollSigning.SignatureHeader, PayrollSigning.Sign(secret, timestamp, body));
        request.Headers.Add(PayrollSigning.IdempotencyHeader, idempotencyKey);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return PayrollOutcome.Ok(status);
            var retryable = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500;
            return new(false, retryable, status, $"HTTP {status}");
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
}

using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Pulse.Bot.Connector;

/// <summary>
/// The bearer token replies carry: obtained by client credentials (app id and password) from the configured token
/// endpoint and reused until five minutes before it expires (or half its life, if shorter). One request at a time.
/// </summary>
public sealed class ConnectorTokenClient(IHttpClientFactory http, IOptions<ConnectorOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && clock.GetUtcNow() < _renewAt) return cached;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } again && clock.GetUtcNow() < _renewAt) return again;
            var o = options.Value;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = o.AppId!,
                ["client_secret"] = o.AppPassword!,
                ["scope"] = o.Scope,
            });
            using var response = await http.CreateClient(ConnectorSetup.TokenClient).PostAsync(o.TokenEndpoint, form, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
                ?? throw new InvalidOperationException("The token endpoint answered without a token.");
            if (string.IsNullOrEmpty(body.AccessToken)) throw new InvalidOperationException("The token endpoint answered without a token.");
            var life = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 0));
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, life.Ticks / 2));
            (_token, _renewAt) = (body.AccessToken, clock.GetUtcNow() + life - margin);
            return body.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}

using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.Connector;

/// <summary>
/// A local stand-in for the Bot Framework on a free port: OpenID metadata and the keys it signs tokens with, a
/// client-credentials token endpoint, and the connector's activity endpoints (replies, and messages the bot starts),
/// which record what they receive.
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    /// <summary>Conversations whose id starts with this refuse the messages the bot starts.</summary>
    public const string BrokenPrefix = "a:broken-";

    private readonly WebApplication _app;
    private int _tokensIssued;

    private ConnectorStandIn(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public string TokenEndpoint => BaseUrl + "/token";

    /// <summary>The key the metadata publishes.</summary>
    public RsaSecurityKey Key { get; } = NewKey("connector-key");

    public ConcurrentQueue<ReceivedReply> Replies { get; } = new();

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var port = FreePort.Next();
        var baseUrl = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ConnectorStandIn(app, baseUrl);
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = baseUrl + "/v1/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/v1/keys", () =>
        {
            var p = standIn.Key.Rsa.ExportParameters(false);
            var key = new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = standIn.Key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            return Results.Json(new JsonObject { ["keys"] = new JsonArray(key) });
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            standIn.TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var n = Interlocked.Increment(ref standIn._tokensIssued);
            return Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = $"outgoing-token-{n}" });
        });
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", async (string conversationId, string replyToId, HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            standIn.Replies.Enqueue(new ReceivedReply(conversationId, replyToId, request.Headers.Authorization.ToString(), body!));
            return Results.Json(new JsonObject { ["id"] = Guid.NewGuid().ToString("N") });
        });
        // A message the bot starts (an alert, a review notice) answers nothing: no replyToId in the path. A conversation
        // whose id starts with BrokenPrefix refuses it, as a connector that is failing does.
        app.MapPost("/v3/conversations/{conversationId}/activities", async (string conversationId, HttpRequest request) =>
        {
            if (conversationId.StartsWith(BrokenPrefix, StringComparison.Ordinal)) return Results.StatusCode(StatusCodes.Status502BadGateway);
            var body = await JsonNode.ParseAsync(request.Body);
            standIn.Replies.Enqueue(new ReceivedReply(conversationId, null, request.Headers.Authorization.ToString(), body!));
            return Results.Json(new JsonObject { ["id"] = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        return standIn;
    }

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>A Bot Framework token as the connector would send it; each part can be made wrong.</summary>
    public string Token(string audience, string? serviceUrl, string issuer = Issuer, RsaSecurityKey? key = null, DateTime? expires = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
            Claims = serviceUrl is null ? null : new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Key.Rsa.Dispose();
    }
}

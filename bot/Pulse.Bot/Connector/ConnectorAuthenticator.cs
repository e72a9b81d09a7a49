using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Pulse.Bot.Connector;

/// <summary>
/// Checks the bearer token of an incoming call the way the Bot Framework documents: signed by a key of the configured
/// OpenID metadata (fetched and refreshed by Microsoft.IdentityModel's configuration manager), one of the valid
/// issuers, the bot's app id as audience, within its lifetime; and its <c>serviceurl</c> claim, when present, equal to
/// the activity's serviceUrl (checked by <see cref="ServiceUrlMatches"/> once the body is read).
/// </summary>
public sealed class ConnectorAuthenticator
{
    private readonly ConnectorOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public ConnectorAuthenticator(IOptions<ConnectorOptions> options, IHttpClientFactory http)
    {
        _options = options.Value;
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            _options.OpenIdMetadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http.CreateClient(ConnectorSetup.MetadataClient)) { RequireHttps = _options.RequireHttpsMetadata });
    }

    /// <summary>The validated token, or null when the call is not the Bot Connector's.</summary>
    public async Task<JsonWebToken?> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)) return null;
        var token = authorization[Bearer.Length..].Trim();
        if (token.Length is 0 or > 16 * 1024) return null;
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The metadata cannot be read now: nothing can be trusted, so the caller is refused (the connector retries).
            return null;
        }
        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The keys may have rolled over since they were fetched: read them once more, then decide.
            _metadata.RequestRefresh();
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        }
        return result.IsValid ? result.SecurityToken as JsonWebToken : null;
    }

    /// <summary>A token that names a serviceUrl may only be used for activities from that serviceUrl.</summary>
    public static bool ServiceUrlMatches(JsonWebToken token, string? serviceUrl) =>
        !token.TryGetPayloadValue<string>("serviceurl", out var claimed) || string.IsNullOrEmpty(claimed)
        || string.Equals(claimed.TrimEnd('/'), serviceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>The token itself names this serviceUrl: the only kind remembered for messages the bot starts later.</summary>
    public static bool ServiceUrlNamed(JsonWebToken token, string? serviceUrl) =>
        token.TryGetPayloadValue<string>("serviceurl", out var claimed) && !string.IsNullOrEmpty(claimed)
        && string.Equals(claimed.TrimEnd('/'), serviceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuers = _options.Issuers,
        ValidAudience = _options.AppId,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromMinutes(5),
    };
}

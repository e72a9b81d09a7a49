namespace Pulse.Bot.Connector;

/// <summary>
/// The Bot Connector endpoint's settings (section <c>Pulse:Bot:Connector</c>): off unless <see cref="AppId"/> is set.
/// Checked at start by <see cref="ConnectorOptionsValidator"/>. The password comes from the environment or a secret
/// store, never a file in the repository.
/// </summary>
public sealed class ConnectorOptions
{
    public const string Section = "Pulse:Bot:Connector";

    public const string DefaultMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultIssuer = "https://api.botframework.com";
    public const string DefaultTokenEndpoint = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";
    public const string DefaultScope = "https://api.botframework.com/.default";

    /// <summary>The bot's Microsoft app id: the audience of incoming tokens and the client id of outgoing calls.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for the token that replies carry.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The Pulse tenant whose people this endpoint serves.</summary>
    public string? TenantId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = DefaultMetadataUrl;

    /// <summary>Issuers accepted on incoming tokens; none configured means <see cref="DefaultIssuer"/>.</summary>
    public string[]? ValidIssuers { get; set; }

    public string TokenEndpoint { get; set; } = DefaultTokenEndpoint;

    public string Scope { get; set; } = DefaultScope;

    /// <summary>
    /// Off only for a local emulator: incoming calls are then not authenticated, and replies carry no token (the
    /// serviceUrl of an unauthenticated call could point anywhere).
    /// </summary>
    public bool ValidateAuthentication { get; set; } = true;

    /// <summary>Metadata and keys only over HTTPS; a local stand-in may turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);

    public string[] Issuers => ValidIssuers is { Length: > 0 } issuers ? issuers : [DefaultIssuer];
}

namespace Pulse.Silo.Hosting;

/// <summary>
/// Single sign-on through a company's OpenID Connect provider (section <c>Pulse:Oidc</c>); off unless
/// <see cref="Authority"/> is set. A person signed in there gets the Pulse account of the same user name in
/// <see cref="TenantId"/>, with that account's roles; without such an account, sign-in is refused.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Pulse:Oidc";
    public const string Scheme = "pulse-oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From the environment or a secret store, never the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The tenant whose accounts the provider's users map to.</summary>
    public string? TenantId { get; set; }

    /// <summary>The claim that carries the user name (lower-cased to match Pulse user names).</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>Set to skip discovery (a provider without a discovery document); normally read from the authority.</summary>
    public string? AuthorizationEndpoint { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Authority) && !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(TenantId);
}

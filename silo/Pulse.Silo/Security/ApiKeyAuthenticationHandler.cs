using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Pulse.Security;

namespace Pulse.Silo.Security;

/// <summary>
/// Authenticates business systems by their API key (<c>X-Api-Key: pulse.{tenant}.{keyId}.{secret}</c>). The tenant
/// comes from the key, never from the request body.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache keys,
    ApiKeyUsage usage,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Headers[AuthSchemes.ApiKeyHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(token)) return AuthenticateResult.NoResult();
        if (!ApiKeyToken.TryParse(token, out var tenantId, out var keyId, out var secret)) return AuthenticateResult.Fail("Malformed API key.");
        var credential = await keys.GetAsync(tenantId, keyId);
        if (credential is null || credential.Revoked || !ApiKeyToken.Matches(credential, secret)) return AuthenticateResult.Fail("Unknown or revoked API key.");
        usage.Record(tenantId, keyId, clock.GetUtcNow());
        return AuthenticateResult.Success(new AuthenticationTicket(PulseClaims.ForKey(tenantId, keyId, credential.Scopes, Scheme.Name), Scheme.Name));
    }
}

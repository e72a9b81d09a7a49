using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Security;

/// <summary>
/// The platform operator, who creates tenants: the one key configured as <c>Pulse:OperatorKey</c> (from the
/// environment or a secret store, never the repository). With none configured, nobody is the operator.
/// </summary>
public sealed class OperatorKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<PulseOptions> pulse) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Role = "operator";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[AuthSchemes.OperatorKeyHeader].FirstOrDefault();
        var configured = pulse.Value.OperatorKey;
        if (string.IsNullOrEmpty(presented)) return Task.FromResult(AuthenticateResult.NoResult());
        if (string.IsNullOrEmpty(configured) || !CryptographicOperations.FixedTimeEquals(Hash(presented), Hash(configured)))
            return Task.FromResult(AuthenticateResult.Fail("Wrong operator key."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator"), new Claim(ClaimTypes.Role, Role)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// Direct Line tokens: the grant, protected by the host's Data Protection key ring with an expiry, so any process that
/// shares the key ring reads them and nobody can forge or alter one. Opaque on purpose (not a JWT): Web Chat would
/// take the user id from a JWT's claims instead of the page's.
/// </summary>
public sealed class DirectLineTokens(IDataProtectionProvider protection, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    // A protected grant is a few hundred characters; anything far longer is not one of ours.
    private const int MaxTokenLength = 2048;

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Pulse.Bot.DirectLine.Token.v1").ToTimeLimitedDataProtector();

    public IssuedToken Issue(DirectLineGrant grant)
    {
        var lifetime = options.Value.TokenLifetime;
        var token = _protector.Protect(JsonSerializer.Serialize(grant), clock.GetUtcNow() + lifetime);
        return new IssuedToken(token, (int)Math.Ceiling(lifetime.TotalSeconds));
    }

    /// <summary>The grant of a token that is ours and has not expired; null otherwise.</summary>
    public DirectLineGrant? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        try
        {
            var grant = JsonSerializer.Deserialize<DirectLineGrant>(_protector.Unprotect(token, out _));
            return grant is { TenantId.Length: > 0, UserName.Length: > 0, ConversationId.Length: > 0 } ? grant : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Pulse.Organisation;

namespace Pulse.Security;

/// <summary>
/// API key tokens: <c>pulse.{tenantId}.{keyId}.{secret}</c>. The tenant and key id let a silo find the stored
/// credential without a search; only the secret's SHA-256 is stored. A plain hash is enough because the secret is
/// 256 random bits, not something a person chose.
/// </summary>
public static class ApiKeyToken
{
    public const string Prefix = "pulse";
    public const int KeyIdLength = 12;
    public const int SecretBytes = 32;

    // 32 bytes in base64url without padding.
    private const int SecretLength = 43;
    private const int MaxTokenLength = 5 + 1 + 40 + 1 + KeyIdLength + 1 + SecretLength;

    public static string NewKeyId() => RandomNumberGenerator.GetHexString(KeyIdLength, lowercase: true);

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Format(string tenantId, string keyId, string secret) => $"{Prefix}.{tenantId}.{keyId}.{secret}";

    /// <summary>The SHA-256 of the secret's text as UTF-8: what is stored and compared.</summary>
    public static byte[] HashSecret(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Splits a token into its parts; false, with empty parts, for anything not shaped like a token.</summary>
    public static bool TryParse(string? token, out string tenantId, out string keyId, out string secret)
    {
        tenantId = keyId = secret = "";
        if (token is null || token.Length > MaxTokenLength) return false;
        var parts = token.Split('.');
        if (parts.Length != 4 || parts[0] != Prefix) return false;
        if (!Identifiers.IsTenantId(parts[1]) || !IsKeyId(parts[2]) || !IsSecret(parts[3])) return false;
        (tenantId, keyId, secret) = (parts[1], parts[2], parts[3]);
        return true;
    }

    /// <summary>
    /// True if <paramref name="secret"/> is the key's secret and the key is not revoked, compared in constant time.
    /// Revocation is checked here too so that no caller can forget it.
    /// </summary>
    public static bool Matches(ApiKeyCredential credential, string? secret)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (secret is null) return false;
        var equal = CryptographicOperations.FixedTimeEquals(HashSecret(secret), credential.SecretHash);
        return equal && !credential.Revoked;
    }

    public static bool IsKeyId(string? value) => value is { Length: KeyIdLength } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static bool IsSecret(string value) => value.Length == SecretLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Pulse.Webhooks;

/// <summary>
/// Encrypts target URLs and signing secrets with the host's Data Protection key ring under a purpose of their own and
/// the tenant's id, so a ciphertext copied into another tenant's state does not decrypt there.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    public const string Purpose = "Pulse.Webhooks.Secrets.v1";

    public string Protect(string tenantId, string clear) => provider.CreateProtector(Purpose, tenantId).Protect(clear);

    /// <summary>Null when the ciphertext cannot be read (a key ring that lost its key, or tampered state).</summary>
    public string? Unprotect(string tenantId, string protectedText)
    {
        try
        {
            return provider.CreateProtector(Purpose, tenantId).Unprotect(protectedText);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

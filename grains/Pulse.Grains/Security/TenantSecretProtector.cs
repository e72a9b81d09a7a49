using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Pulse.Security;

/// <summary>
/// Encrypts a tenant's stored secrets (a webhook's URL, a payroll endpoint's signing secret) with the host's Data
/// Protection key ring under a purpose of their own and the tenant's id, so a ciphertext copied into another tenant's
/// state does not decrypt there. Each kind of secret is a subclass naming its purpose.
/// </summary>
public abstract class TenantSecretProtector(IDataProtectionProvider provider, string purpose)
{
    public string Protect(string tenantId, string clear) => provider.CreateProtector(purpose, tenantId).Protect(clear);

    /// <summary>Null when the ciphertext cannot be read (a key ring that lost its key, or tampered state).</summary>
    public string? Unprotect(string tenantId, string protectedText)
    {
        try
        {
            return provider.CreateProtector(purpose, tenantId).Unprotect(protectedText);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

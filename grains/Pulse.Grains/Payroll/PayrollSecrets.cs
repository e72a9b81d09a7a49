using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Pulse.Payroll;

/// <summary>
/// Encrypts the payroll endpoint's URL and signing secret with the host's Data Protection key ring, under a purpose of
/// their own and the tenant's id (as the webhooks do), so a ciphertext copied into another tenant's state does not
/// decrypt there.
/// </summary>
public sealed class PayrollSecrets(IDataProtectionProvider provider)
{
    public const string Purpose = "Pulse.Payroll.Secrets.v1";

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

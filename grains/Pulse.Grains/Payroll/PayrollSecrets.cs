using Microsoft.AspNetCore.DataProtection;
using Pulse.Security;

namespace Pulse.Payroll;

/// <summary>The payroll endpoint's URL and signing secret, encrypted per tenant (as the webhooks' are).</summary>
public sealed class PayrollSecrets(IDataProtectionProvider provider) : TenantSecretProtector(provider, Purpose)
{
    public const string Purpose = "Pulse.Payroll.Secrets.v1";
}

using Microsoft.AspNetCore.DataProtection;
using Pulse.Security;

namespace Pulse.Webhooks;

/// <summary>Webhook target URLs and signing secrets, encrypted per tenant.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider) : TenantSecretProtector(provider, Purpose)
{
    public const string Purpose = "Pulse.Webhooks.Secrets.v1";
}

using System.Reflection;

namespace Pulse.Silo.Tenancy;

/// <summary>
/// The tenant a request acts for, resolved once by <see cref="TenantEndpointFilter"/> and bound into handlers.
/// Today it comes from the <c>X-Pulse-Tenant</c> header (or the configured default); sign-in will replace that
/// with the tenant of the credential.
/// </summary>
public sealed record RequestTenant(string Id)
{
    public const string Header = "X-Pulse-Tenant";
    internal const string ItemKey = "pulse.tenant";

    public static ValueTask<RequestTenant?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Items[ItemKey] as RequestTenant);
}

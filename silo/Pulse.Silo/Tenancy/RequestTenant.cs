using System.Reflection;
using Pulse.Security;
using Pulse.Silo.Security;

namespace Pulse.Silo.Tenancy;

/// <summary>
/// The tenant a request acts for and the caller acting: both taken from the credential, never from the request.
/// Endpoints that bind it have passed authorisation, so an authenticated caller is always there.
/// </summary>
public sealed record RequestTenant(string Id, Caller Caller)
{
    public static ValueTask<RequestTenant?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(PulseClaims.ToCaller(context.User) is { } caller ? new RequestTenant(caller.TenantId, caller) : null);
}

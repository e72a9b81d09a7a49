using System.Reflection;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Services;

namespace Pulse.Silo.Tenancy;

/// <summary>
/// One request's caller, resolved once after authentication: their account as it is now (not the roles frozen in
/// the token), their tenant and its compiled rules. The permission check resolves it; handlers bind it as a parameter
/// and hand its <see cref="Context"/> to the domain services, so every decision of the request — permission, what
/// exists, <c>/auth/me</c>, the audit actor — reads the same caller and the same rules. The tenant is always the
/// credential's, never the request's.
/// </summary>
public sealed class PulseRequest(CallerContext context)
{
    public CallerContext Context { get; } = context;

    public Caller Caller => Context.Caller;

    public CompiledRules Rules => Context.Rules;

    public string TenantId => Context.TenantId;

    /// <summary>Endpoints that bind it have passed the permission check, which resolved it already.</summary>
    public static ValueTask<PulseRequest?> BindAsync(HttpContext http, ParameterInfo parameter) =>
        http.RequestServices.GetRequiredService<PulseRequestResolver>().ResolveAsync(http);
}

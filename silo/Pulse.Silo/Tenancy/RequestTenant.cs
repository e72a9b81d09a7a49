using System.Reflection;
using Microsoft.Extensions.Options;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Tenancy;

/// <summary>
/// The tenant a request acts for, bound into handlers. Today it comes from the <c>X-Pulse-Tenant</c> header (or
/// the configured default); sign-in will replace that with the tenant of the credential.
/// <see cref="TenantEndpointFilter"/> refuses the request before the handler runs if it is missing or unknown.
/// </summary>
public sealed record RequestTenant(string Id)
{
    public const string Header = "X-Pulse-Tenant";

    public static string? Resolve(HttpContext context) =>
        context.Request.Headers[Header].FirstOrDefault() is { Length: > 0 } named
            ? named
            : context.RequestServices.GetRequiredService<IOptions<PulseOptions>>().Value.DefaultTenant;

    public static ValueTask<RequestTenant?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<RequestTenant?>(new RequestTenant(Resolve(context) ?? ""));
}

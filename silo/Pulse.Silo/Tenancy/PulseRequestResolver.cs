using Pulse.Security;
using System.Security.Claims;
using Pulse.Services;
using Pulse.Silo.Security;

namespace Pulse.Silo.Tenancy;

/// <summary>Resolves the <see cref="PulseRequest"/> once per request and keeps it with the request.</summary>
public sealed class PulseRequestResolver(AccountCache accounts, TenantRulesProvider rulesProvider)
{
    /// <summary>The request's caller; null if it has no Pulse credential, the account is gone or disabled, or the tenant does not exist.</summary>
    public async ValueTask<PulseRequest?> ResolveAsync(HttpContext http)
    {
        if (http.Features.Get<Resolved>() is { } resolved) return resolved.Request;
        var request = await ResolveAsync(http.User);
        http.Features.Set(new Resolved(request));
        return request;
    }

    /// <summary>Resolves without keeping the result, for a principal outside an HTTP request.</summary>
    public async ValueTask<PulseRequest?> ResolveAsync(ClaimsPrincipal user)
    {
        if (PulseClaims.ToCaller(user) is not { } presented) return null;
        if (await accounts.CurrentAsync(presented) is not { } caller) return null;
        return await rulesProvider.GetAsync(caller.TenantId) is { } rules ? new PulseRequest(new CallerContext(caller, rules)) : null;
    }

    /// <summary>The outcome, kept even when it is 'nobody', so a request resolves once either way.</summary>
    private sealed record Resolved(PulseRequest? Request);
}

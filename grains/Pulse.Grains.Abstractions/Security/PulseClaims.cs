using System.Security.Claims;

namespace Pulse.Security;

/// <summary>
/// The claims Pulse puts in its principals, and the conversion to the <see cref="Caller"/> the policy reads. Shared
/// with the dashboard hub and the chat bot, which authenticate with the same credentials and present the caller to
/// the service grains.
/// </summary>
public static class PulseClaims
{
    public const string Tenant = "pulse:tenant";
    public const string Employee = "pulse:employee";
    public const string Scope = "pulse:scope";
    public const string Kind = "pulse:kind";

    public static ClaimsPrincipal ForUser(string tenantId, UserView user, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(Tenant, tenantId),
            new(Kind, nameof(CallerKind.User)),
        };
        if (user.EmployeeId is not null) claims.Add(new Claim(Employee, user.EmployeeId));
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    public static ClaimsPrincipal ForKey(string tenantId, string keyId, IEnumerable<string> scopes, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"key:{keyId}"),
            new(Tenant, tenantId),
            new(Kind, nameof(CallerKind.ApiKey)),
        };
        claims.AddRange(scopes.Select(s => new Claim(Scope, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <summary>The caller behind an authenticated principal, or null for anyone else.</summary>
    public static Caller? ToCaller(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var tenant = principal.FindFirst(Tenant)?.Value;
        var name = principal.FindFirst(ClaimTypes.Name)?.Value;
        if (tenant is null || name is null || !Enum.TryParse<CallerKind>(principal.FindFirst(Kind)?.Value, out var kind)) return null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? (Role?)r : null).OfType<Role>().ToArray();
        return new Caller(tenant, name, kind, roles, principal.FindFirst(Employee)?.Value, [.. principal.FindAll(Scope).Select(c => c.Value)]);
    }
}

using System.Security.Claims;
using Pulse.Security;

namespace Pulse.Silo.Security;

/// <summary>The claims Pulse puts in its principals, and the conversion to the <see cref="Caller"/> the policy reads.</summary>
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
        var tenant = principal.FindFirstValue(Tenant);
        var name = principal.FindFirstValue(ClaimTypes.Name);
        if (tenant is null || name is null || !Enum.TryParse<CallerKind>(principal.FindFirstValue(Kind), out var kind)) return null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? (Role?)r : null).OfType<Role>().ToArray();
        return new Caller(tenant, name, kind, roles, principal.FindFirstValue(Employee), [.. principal.FindAll(Scope).Select(c => c.Value)]);
    }
}

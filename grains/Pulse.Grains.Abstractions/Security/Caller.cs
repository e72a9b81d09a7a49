namespace Pulse.Security;

/// <summary>
/// Who is asking, as every path (HTTP, hub, bot) knows it from the credential: the tenant is the credential's,
/// never the request's.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.caller")]
public sealed record Caller(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string Name,
    [property: Id(2)] CallerKind Kind,
    [property: Id(3)] Role[] Roles,
    [property: Id(4)] string? EmployeeId,
    [property: Id(5)] string[] Scopes)
{
    public bool Has(Role role) => Kind == CallerKind.User && Roles.Contains(role);

    public bool HasScope(string scope) => Kind == CallerKind.ApiKey && Scopes.Contains(scope);
}

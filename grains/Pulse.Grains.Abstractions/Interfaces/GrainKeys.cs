namespace Pulse.Grains;

/// <summary>Compound grain keys. Tenant ids never contain '/', so the first '/' splits the key.</summary>
public static class GrainKeys
{
    public static string For(string tenantId, string id) => $"{tenantId}/{id}";

    public static (string TenantId, string Id) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? throw new ArgumentException($"'{key}' is not a tenant-scoped key.", nameof(key)) : (key[..slash], key[(slash + 1)..]);
    }
}

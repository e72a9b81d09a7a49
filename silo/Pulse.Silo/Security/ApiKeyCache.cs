using Pulse.Grains;
using Pulse.Security;

namespace Pulse.Silo.Security;

/// <summary>
/// The silo's copy of API key credentials, so checking a key on every ingestion request costs a hash, not a grain
/// call. A revocation on this silo drops the entry at once, on others within <see cref="MaxAge"/>. Holds at most
/// 10,000 keys; the rest are read from their grain.
/// </summary>
public sealed class ApiKeyCache(IGrainFactory grains, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ExpiringCache<(string Tenant, string KeyId), ApiKeyCredential?> _credentials = new(MaxAge, clock);

    public ValueTask<ApiKeyCredential?> GetAsync(string tenantId, string keyId) =>
        _credentials.GetAsync((tenantId, keyId), key => grains.GetGrain<IAccessGrain>(key.Tenant).GetApiKeyCredentialAsync(key.KeyId));

    public void Invalidate(string tenantId, string keyId) => _credentials.Invalidate((tenantId, keyId));

    public void Dispose() => _credentials.Dispose();
}

using System.Collections.Concurrent;
using Pulse.Grains;
using Pulse.Security;

namespace Pulse.Silo.Security;

/// <summary>
/// The silo's copy of API key credentials, so checking a key on every ingestion request costs a hash, not a grain
/// call. Entries live a few seconds; a revocation on this silo drops the entry at once, on others within
/// <see cref="MaxAge"/>.
/// </summary>
public sealed class ApiKeyCache(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Tenant, string KeyId), (ApiKeyCredential? Credential, DateTimeOffset At)> _entries = new();

    public async ValueTask<ApiKeyCredential?> GetAsync(string tenantId, string keyId)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue((tenantId, keyId), out var entry) && now - entry.At < MaxAge) return entry.Credential;
        var credential = await grains.GetGrain<IAccessGrain>(tenantId).GetApiKeyCredentialAsync(keyId);
        _entries[(tenantId, keyId)] = (credential, now);
        return credential;
    }

    public void Invalidate(string tenantId, string keyId) => _entries.TryRemove((tenantId, keyId), out _);
}

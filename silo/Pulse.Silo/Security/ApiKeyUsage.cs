using System.Collections.Concurrent;
using Pulse.Grains;

namespace Pulse.Silo.Security;

/// <summary>Collects when each key was last used and tells the tenant's access grain every few seconds, never per request.</summary>
public sealed class ApiKeyUsage(IGrainFactory grains) : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);
    private ConcurrentDictionary<(string Tenant, string KeyId), DateTimeOffset> _pending = new();

    public void Record(string tenantId, string keyId, DateTimeOffset at) => _pending[(tenantId, keyId)] = at;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync();
        }
    }

    public async Task FlushAsync()
    {
        if (_pending.IsEmpty) return;
        var batch = Interlocked.Exchange(ref _pending, new());
        foreach (var tenant in batch.GroupBy(kv => kv.Key.Tenant))
        {
            await grains.GetGrain<IAccessGrain>(tenant.Key).RecordKeyUseAsync(tenant.ToDictionary(kv => kv.Key.KeyId, kv => kv.Value, StringComparer.Ordinal));
        }
    }
}

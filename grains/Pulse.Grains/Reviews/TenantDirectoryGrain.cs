using Orleans.Concurrency;
using Pulse.Grains;

namespace Pulse.Reviews;

/// <summary>Every tenant's id (key 0). Written only when a tenant is new to it; read once a minute by each silo's cycle opener.</summary>
public sealed class TenantDirectoryGrain(
    [PersistentState("tenant-directory", StorageNames.Organisation)] IPersistentState<TenantDirectoryState> state) : Grain, ITenantDirectoryGrain
{
    public async Task RegisterAsync(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var ids = state.State.TenantIds;
        var at = ids.BinarySearch(tenantId, StringComparer.Ordinal);
        if (at >= 0) return;
        ids.Insert(~at, tenantId);
        await state.WriteStateAsync();
    }

    [ReadOnly]
    public Task<string[]> ListAsync() => Task.FromResult(state.State.TenantIds.ToArray());
}

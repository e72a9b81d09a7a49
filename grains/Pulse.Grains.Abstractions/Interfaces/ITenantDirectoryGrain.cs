namespace Pulse.Grains;

/// <summary>Every tenant's id, so work that runs for each tenant (opening review cycles) can find them. Key 0.</summary>
[Alias("pulse.grain.tenant-directory")]
public interface ITenantDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Records a tenant; recording one twice changes nothing.</summary>
    [Alias("register")]
    Task RegisterAsync(string tenantId);

    [Alias("list")]
    Task<string[]> ListAsync();
}

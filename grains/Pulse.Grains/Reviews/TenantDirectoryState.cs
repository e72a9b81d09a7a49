namespace Pulse.Reviews;

/// <summary>Every tenant id, in ordinal order; one entry per company, so bounded by the platform's customers.</summary>
[GenerateSerializer, Alias("pulse.tenant-directory-state")]
public sealed class TenantDirectoryState
{
    [Id(0)] public List<string> TenantIds { get; set; } = [];
}

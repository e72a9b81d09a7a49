using Pulse.Organisation;

namespace Pulse.Grains;

[GenerateSerializer, Alias("pulse.tenant-state")]
public sealed class TenantState
{
    [Id(0)] public TenantRules? Rules { get; set; }
}

namespace Pulse.Organisation;

/// <summary>One company. Nothing crosses tenants.</summary>
[GenerateSerializer, Immutable, Alias("pulse.tenant-settings")]
public sealed record TenantSettings(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone = "Asia/Shanghai",
    [property: Id(3)] string Locale = "zh-CN",
    [property: Id(4)] string Currency = "CNY");

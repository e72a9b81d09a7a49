using Pulse.Organisation;
using Pulse.Security;

namespace Pulse.Silo.Apis;

/// <summary>A tenant to create, with its first administrator account.</summary>
public sealed record NewTenant(
    string TenantId,
    string Name,
    NewUser Admin,
    string TimeZone = "Asia/Shanghai",
    string Locale = "zh-CN",
    string Currency = "CNY")
{
    public TenantSettings Settings => new(TenantId, Name, TimeZone, Locale, Currency);
}

using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Tests.Grains;

namespace Pulse.Tests.Access;

/// <summary>A fresh tenant (employees E001…E005) and its access grain.</summary>
internal static class AccessTestTenant
{
    public const string Password = "correct horse battery";

    public static async Task<(string TenantId, IAccessGrain Access)> CreateAsync(IGrainFactory grains)
    {
        var tenantId = await TestCompany.CreateAsync(grains);
        return (tenantId, grains.GetGrain<IAccessGrain>(tenantId));
    }

    public static async Task CreateUserAsync(IAccessGrain access, string userName, Role role = Role.Hr, string? employeeId = null)
    {
        var result = await access.CreateUserAsync(new NewUser(userName, Password, [role], employeeId));
        Assert.True(result.Applied, Describe(result));
    }

    public static string Describe(ChangeResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Item}: {e.Reason}"));
}

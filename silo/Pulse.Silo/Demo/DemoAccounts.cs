using System.Security.Cryptography;
using Pulse.Grains;
using Pulse.Security;

namespace Pulse.Silo.Demo;

/// <summary>
/// The demo's people: an admin, HR, each department's manager and a few employees. Their passwords are made
/// afresh at every start and printed to the console — never stored in clear, never in the repository.
/// </summary>
public static class DemoAccounts
{
    public const string SimulatorKeyName = "demo-simulator";

    private static readonly (string UserName, Role[] Roles, string? EmployeeId, string Who)[] People =
    [
        ("admin", [Role.Admin], null, "admin: users, API keys, settings"),
        ("hr", [Role.Hr], null, "HR: the whole company"),
        ("b001", [Role.Manager, Role.Employee], "B001", "业务部 manager"),
        ("o001", [Role.Manager, Role.Employee], "O001", "运营部 manager"),
        ("t001", [Role.Manager, Role.Employee], "T001", "技术部 manager"),
        ("b002", [Role.Employee], "B002", "业务部 employee"),
        ("o002", [Role.Employee], "O002", "运营部 employee"),
    ];

    /// <summary>Creates missing accounts, gives every account a new password, and returns the lines to print.</summary>
    public static async Task<List<string>> PrepareAsync(IAccessGrain access)
    {
        var lines = new List<string>();
        foreach (var (userName, roles, employeeId, who) in People)
        {
            var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 14);
            var result = await access.GetUserAsync(userName) is null
                ? await access.CreateUserAsync(new NewUser(userName, password, roles, employeeId))
                : await access.SetPasswordAsync(userName, password);
            if (!result.Applied) throw new InvalidOperationException($"Demo account {userName}: " + string.Join("; ", result.Errors.Select(e => $"{e.Item}: {e.Reason}")));
            lines.Add($"    {userName,-6} {password}   {who}");
        }
        return lines;
    }

    /// <summary>A fresh key for the simulator; keys it was given before are revoked.</summary>
    public static async Task<string> SimulatorKeyAsync(IAccessGrain access)
    {
        foreach (var old in (await access.ListApiKeysAsync()).Where(k => k.Name == SimulatorKeyName && k.RevokedAt is null))
        {
            await access.RevokeApiKeyAsync(old.KeyId);
        }
        return (await access.CreateApiKeyAsync(SimulatorKeyName, [ApiKeyScopes.EventsWrite], "demo")).Token;
    }
}

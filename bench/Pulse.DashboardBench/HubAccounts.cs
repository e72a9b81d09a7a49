using Pulse.LoadGenerator;
using Pulse.Organisation;

namespace Pulse.DashboardBench;

/// <summary>
/// The people the connections sign in as: HR, and a manager account for each department that names a manager.
/// Tokens come from the hub's silo (each silo keeps its own sign-in keys); many connections share one account.
/// </summary>
public sealed class HubAccounts(IReadOnlyDictionary<string, string> tokens)
{
    public const string Hr = "hr";

    public string TokenFor(string userName) => tokens[userName];

    public static string ManagerOf(Department department) => "mgr-" + department.Id;

    public static async Task<HubAccounts> CreateAsync(Uri ingestUrl, Uri hubUrl, string tenantId, string password, OrganisationDocument organisation, CancellationToken cancellationToken)
    {
        using var admin = new HttpClient { BaseAddress = ingestUrl };
        await BenchTenant.SignInAsync(admin, tenantId, "admin", password, cancellationToken);
        var users = new List<string> { Hr };
        foreach (var department in organisation.Departments!)
        {
            if (department.ManagerIds is not [var manager, ..]) continue;
            await BenchTenant.CreateUserAsync(admin, ManagerOf(department), password, ["manager"], manager, cancellationToken);
            users.Add(ManagerOf(department));
        }

        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            using var hub = new HttpClient { BaseAddress = hubUrl };
            tokens[user] = await BenchTenant.SignInAsync(hub, tenantId, user, password, cancellationToken);
        }
        return new HubAccounts(tokens);
    }
}

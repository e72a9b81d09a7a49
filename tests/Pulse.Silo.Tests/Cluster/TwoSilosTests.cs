using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Dashboard;
using Pulse.Silo.Tests.Infrastructure;
using Pulse.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>Two silos on one machine (Pulse:PrimarySiloPort) on one PostgreSQL form one cluster and one dashboard.</summary>
public sealed class TwoSilosTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dashboard_on_one_silo_gets_the_changes_of_events_posted_to_the_other()
    {
        await using var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        // One data folder: with PostgreSQL it holds only the sign-in keys, so both silos accept the same tokens.
        var folder = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string> { ["Pulse:Storage"] = "Postgres", ["Pulse:PostgresConnectionString"] = postgres.ConnectionString };
        await using var a = new PulseApp(folder, settings);
        _ = a.Server;
        var primary = a.Services.GetRequiredService<IConfiguration>()["Pulse:SiloPort"]!;
        await using var b = new PulseApp(folder, new Dictionary<string, string>(settings) { ["Pulse:PrimarySiloPort"] = primary });
        _ = b.Server;

        var management = a.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        await Eventually.ReadAsync(() => management.GetHosts(onlyActive: true), hosts => hosts.Count == 2, TimeSpan.FromSeconds(30), Cancel);

        var organisation = DemoCompany.Document(10);
        var tenant = await TenantClient.CreateAsync(a, organisation);
        await using var watcher = await DashboardConnection.StartAsync(b, tenant.On(b).Http);
        await watcher.WatchDepartmentAsync(DemoCompany.Business);
        var staff = organisation.Employees!.Where(e => e.DepartmentId == DemoCompany.Business).Select(e => e.Id).ToArray();

        // Grains land on either silo, so the lines come from both silos' feeds. Posted again until seen: B's broadcaster
        // reaches A's feed once A has read the registry's subscribers again.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!staff.All(id => watcher.Pushes.Any(p => p.Method == "teamChanged" && HasRow(p.Payload, id))))
        {
            Assert.True(DateTime.UtcNow < deadline, "silo B's dashboard did not get the lines of events posted to silo A in time");
            await Expect.StatusAsync(await tenant.PostEventsAsync(staff.Select(id => TestEvents.Loan(id, 10_000))), 200);
            await Task.Delay(250, Cancel); // the poll interval of this deadline loop
        }
    }

    // A department's watchers get compact team rows (teamChanged), not the full scorecards.
    private static bool HasRow(JsonElement delta, string employeeId) =>
        delta.GetProperty("rows").EnumerateArray().Any(r => r.GetProperty("employeeId").GetString() == employeeId && r.GetProperty("eventCount").GetInt64() > 0);
}

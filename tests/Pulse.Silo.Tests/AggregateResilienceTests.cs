using Microsoft.Data.Sqlite;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

/// <summary>Invariant 7: a department and the overview show the members they can when one of them fails.</summary>
public sealed class AggregateResilienceTests
{
    [Fact]
    public async Task A_member_that_cannot_activate_leaves_its_department_and_the_overview_answering()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        TenantClient tenant;
        await using (var app = new PulseApp(directory))
        {
            tenant = await TenantClient.CreateAsync(app, DemoCompany.Document(10));
            await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B001", 900_000), TestEvents.Loan("B002", 500_000), TestEvents.Loan("B003", 100_000)]), 200);
        }

        // B001's snapshot is damaged on disk, so its grain fails to activate after the restart.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "snapshots.db")};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE grain_state SET payload = x'DEADBEEF' WHERE grain_type = 'employee' AND grain_id LIKE $pattern";
            command.Parameters.AddWithValue("$pattern", $"%{tenant.TenantId}%B001%");
            Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        await using var restarted = new PulseApp(directory);
        var client = tenant.On(restarted);
        var business = await client.GetJsonAsync("/api/v1/departments/biz/performance");
        var overview = await client.GetJsonAsync("/api/v1/overview");
        var hq = await client.GetJsonAsync("/api/v1/departments/hq/performance");

        var ranked = business["top"]!.AsArray().Select(m => m!["employeeId"]!.GetValue<string>()).ToArray();
        Assert.Contains("B002", ranked);
        Assert.DoesNotContain("B001", ranked);
        Assert.Equal(4, business["reporting"]!.GetValue<int>());
        Assert.True(overview["reporting"]!.GetValue<int>() >= 4);
        Assert.True(hq["reporting"]!.GetValue<int>() >= 4);
    }
}

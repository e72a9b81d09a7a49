using System.Text.Json.Nodes;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

/// <summary>Invariants 1 and 3: what was acknowledged survives a restart, and state rebuilt from the log equals the live state.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task State_rebuilt_from_the_log_alone_equals_the_live_state()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        TenantClient tenant;
        JsonNode live;
        await using (var app = new PulseApp(directory))
        {
            tenant = await TenantClient.CreateAsync(app, DemoCompany.Document(10));
            var random = new Random(7);
            var events = Enumerable.Range(0, 300).Select(i => random.Next(4) switch
            {
                0 => TestEvents.Default($"B00{1 + random.Next(5)}", random.Next(1_000, 20_000)),
                1 => TestEvents.Complaint($"B00{1 + random.Next(5)}"),
                _ => TestEvents.Loan($"B00{1 + random.Next(5)}", random.Next(10_000, 100_000)),
            }).ToArray();
            await Expect.StatusAsync(await tenant.PostEventsAsync(events), 200);
            live = await tenant.GetJsonAsync("/api/v1/employees/B003/performance");
        }

        // Without snapshots the grain has nothing but the log to go on.
        File.Delete(Path.Combine(directory, "snapshots.db"));
        await using var restarted = new PulseApp(directory);
        var rebuilt = await tenant.On(restarted).GetJsonAsync("/api/v1/employees/B003/performance");

        Assert.Equal(WithoutClock(live), WithoutClock(rebuilt));
    }

    [Fact]
    public async Task After_a_restart_acknowledged_events_are_there_and_resending_them_changes_nothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        TenantClient tenant;
        object[] events = [TestEvents.Loan("B001", 100_000, "r-1"), TestEvents.Loan("B001", 200_000, "r-2")];
        await using (var app = new PulseApp(directory))
        {
            tenant = await TenantClient.CreateAsync(app, DemoCompany.Document(10));
            await Expect.StatusAsync(await tenant.PostEventsAsync(events), 200);
        }

        await using var restarted = new PulseApp(directory);
        var client = tenant.On(restarted);
        var resent = await Expect.StatusAsync(await client.PostEventsAsync(events), 200);
        Assert.Equal(2, resent["duplicates"]!.GetValue<int>());
        var performance = await client.GetJsonAsync("/api/v1/employees/B001/performance");
        Assert.Equal(300_000m, IngestionApiTests.Indicator(performance, "loan-volume")["value"]!.GetValue<decimal>());
        Assert.Equal(2, performance["eventCount"]!.GetValue<int>());
    }

    private static string WithoutClock(JsonNode performance)
    {
        var copy = performance.DeepClone().AsObject();
        copy.Remove("asOf");
        // Projections depend on the instant read; everything folded from the log must match exactly.
        foreach (var indicator in copy["sections"]!.AsArray().SelectMany(s => s!["indicators"]!.AsArray()))
        {
            indicator!.AsObject().Remove("projected");
            indicator.AsObject().Remove("summary");
        }
        return copy.ToJsonString();
    }
}

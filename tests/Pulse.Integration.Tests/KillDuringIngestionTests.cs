using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pulse.Tests.Infrastructure;
using Pulse.Silo.Demo;

namespace Pulse.Integration.Tests;

/// <summary>
/// Invariants 1 and 2 against a real process: a silo is killed with SIGKILL while clients are posting; after a
/// restart every acknowledged event is there exactly once, re-sent events are duplicates, and the totals equal
/// the events sent — no loss, no double count.
/// </summary>
public sealed class KillDuringIngestionTests(PostgresServer postgres)
{
    private const int Senders = 4;
    private const int BatchSize = 250;
    private const int Batches = 120;

    [Fact]
    public Task Sqlite_silo_killed_mid_ingestion_keeps_every_acknowledged_event_exactly_once() =>
        KillAndRecoverAsync(TenantSetup.Settings());

    [Fact]
    public async Task Postgres_silo_killed_mid_ingestion_keeps_every_acknowledged_event_exactly_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync("kill_" + Guid.NewGuid().ToString("N")[..8]);
        await KillAndRecoverAsync(TenantSetup.Settings(new Dictionary<string, string>
        {
            ["Pulse:Storage"] = "Postgres",
            ["Pulse:PostgresConnectionString"] = connectionString,
        }));
    }

    internal static async Task KillAndRecoverAsync(Dictionary<string, string> settings)
    {
        var cancel = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "pulse-kill", Guid.NewGuid().ToString("N"));
        const string tenantId = "killtest";
        // The full seed company: importing it recomputes every employee at once, which must fit the database's connection limit.
        var organisation = DemoCompany.Document(200);
        var salespeople = organisation.Employees!.Where(e => e.DepartmentId == DemoCompany.Business).Select(e => e.Id).ToArray();
        var batches = MakeBatches(salespeople);
        var acknowledged = new ConcurrentBag<int>();

        var first = await SiloProcess.StartAsync(directory, settings);
        string hrToken, keyToken;
        try
        {
            (hrToken, keyToken) = await TenantSetup.CreateAsync(first, tenantId, organisation, Json(), cancel);

            var next = -1;
            var killAfter = Batches / 3;
            var killed = new TaskCompletionSource();
            var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
            {
                using var http = first.WithKey(keyToken);
                int index;
                while ((index = Interlocked.Increment(ref next)) < Batches && !killed.Task.IsCompleted)
                {
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/api/v1/events", batches[index], cancel);
                        if (response.IsSuccessStatusCode) acknowledged.Add(index);
                    }
                    catch (HttpRequestException) { return; }
                    catch (TaskCanceledException) when (!cancel.IsCancellationRequested) { return; }
                    if (acknowledged.Count >= killAfter) killed.TrySetResult();
                }
            }, cancel)).ToArray();

            await killed.Task.WaitAsync(TimeSpan.FromMinutes(3), cancel);
            first.Kill();
            await Task.WhenAll(senders);
        }
        finally
        {
            await first.DisposeAsync();
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{acknowledged.Count} of {Batches} batches acknowledged before SIGKILL");
        Assert.False(acknowledged.IsEmpty, "no batch was acknowledged before the kill");
        Assert.True(acknowledged.Count < Batches, "the kill came after every batch was acknowledged");
        await using var second = await SiloProcess.StartAsync(directory, settings);
        using var client = second.WithKey(keyToken);
        using var reader = second.WithBearer(hrToken);

        // Every batch again: acknowledged ones must come back entirely as duplicates.
        for (var i = 0; i < Batches; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/events", batches[i], cancel);
            var result = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel))!;
            Assert.True(response.IsSuccessStatusCode, result.ToJsonString());
            Assert.Equal(0, result["rejected"]!.GetValue<int>());
            if (acknowledged.Contains(i)) Assert.Equal(BatchSize, result["duplicates"]!.GetValue<int>());
        }

        // Now every event is in exactly once: per employee, the count and the sum equal what was sent.
        foreach (var employee in salespeople)
        {
            var sent = batches.SelectMany(b => b).Where(e => e.EmployeeId == employee).ToArray();
            var performance = JsonNode.Parse(await reader.GetStringAsync($"/api/v1/employees/{employee}/performance", cancel))!;
            Assert.Equal(sent.Length, performance["eventCount"]!.GetValue<int>());
            var loans = performance["sections"]!.AsArray().SelectMany(s => s!["indicators"]!.AsArray()).Single(i => i!["id"]!.GetValue<string>() == "loan-volume")!;
            Assert.Equal(sent.Sum(e => e.Amount), loans["value"]!.GetValue<decimal>());
        }
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private static List<LoanEvent[]> MakeBatches(string[] employees)
    {
        var random = new Random(2026);
        var at = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        return Enumerable.Range(0, Batches).Select(b => Enumerable.Range(0, BatchSize).Select(i => new LoanEvent(
            $"k-{b}-{i}", "loan.disbursed", employees[random.Next(employees.Length)], at, new LoanData(random.Next(1, 1_000)))).ToArray()).ToList();
    }

    private static System.Text.Json.JsonSerializerOptions Json()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Pulse.Silo.Hosting.ApiSetup.Configure(options);
        return options;
    }

    private sealed record LoanData(decimal Amount);

    private sealed record LoanEvent(string Id, string Type, string EmployeeId, string OccurredAt, LoanData Data)
    {
        [System.Text.Json.Serialization.JsonIgnore]
        public decimal Amount => Data.Amount;
    }
}

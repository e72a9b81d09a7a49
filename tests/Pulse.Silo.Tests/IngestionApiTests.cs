using System.Text;
using System.Text.Json.Nodes;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

public sealed class IngestionApiTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_item_is_reported_accepted_duplicate_or_rejected_with_its_reason()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var first = TestEvents.Loan("B001", 1000, "e-1");
        var response = await tenant.PostEventsAsync(
        [
            first,
            TestEvents.Loan("B001", 1000, "e-1"),
            TestEvents.Make("loan.approved", "B001", new { amount = 1 }),
            TestEvents.Make("loan.disbursed", "B001", new { amount = 1, colour = "red" }),
            TestEvents.Make("loan.disbursed", "B001", new { amount = "lots" }),
            TestEvents.Make("loan.disbursed", "B001", new { product = "车贷" }),
            TestEvents.Loan("X999", 5),
            new { id = "e-8", type = "loan.disbursed", employeeId = "B001", occurredAt = "2026-11-03T09:30:00", data = new { amount = 1 } },
            new { type = "loan.disbursed", employeeId = "B001", occurredAt = "2026-11-03T09:30:00Z", data = new { amount = 1 } },
        ]);

        var result = await Expect.StatusAsync(response, 200);
        Assert.Equal(1, result["accepted"]!.GetValue<int>());
        Assert.Equal(1, result["duplicates"]!.GetValue<int>());
        Assert.Equal(7, result["rejected"]!.GetValue<int>());
        var items = result["items"]!.AsArray();
        Assert.Equal("accepted", items[0]!["outcome"]!.GetValue<string>());
        Assert.Equal("duplicate", items[1]!["outcome"]!.GetValue<string>());
        AssertRejected(items[2], "type", "not a registered event type");
        AssertRejected(items[3], "data.colour", "not a registered field");
        AssertRejected(items[4], "data.amount", "must be a number");
        AssertRejected(items[5], "data.amount", "required");
        AssertRejected(items[6], "employeeId", "does not exist");
        AssertRejected(items[7], "occurredAt", "offset");
        AssertRejected(items[8], "id", "required");
    }

    [Fact]
    public async Task An_id_seen_before_is_a_duplicate_forever_and_changes_nothing()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 300_000, "same")]), 200);

        var again = await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 300_000, "same"), TestEvents.Loan("B003", 999, "same")]), 200);

        Assert.Equal(2, again["duplicates"]!.GetValue<int>());
        var performance = await tenant.GetJsonAsync("/api/v1/employees/B002/performance");
        Assert.Equal(300_000m, Indicator(performance, "loan-volume")["value"]!.GetValue<decimal>());
        var other = await tenant.GetJsonAsync("/api/v1/employees/B003/performance");
        Assert.Equal(0m, Indicator(other, "loan-volume")["value"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Concurrent_requests_for_one_employee_each_get_their_own_outcomes_and_a_shared_id_counts_once()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        const int requests = 8;
        const int perRequest = 20;
        var responses = await Task.WhenAll(Enumerable.Range(0, requests).Select(async r =>
        {
            object[] body = [.. Enumerable.Range(0, perRequest).Select(i => TestEvents.Loan("B004", 100, $"c-{r}-{i}")), TestEvents.Loan("B004", 1, "c-shared")];
            return await Expect.StatusAsync(await tenant.PostEventsAsync(body), 200);
        }));

        foreach (var result in responses)
        {
            var items = result["items"]!.AsArray();
            Assert.All(items.Take(perRequest), item => Assert.Equal("accepted", item!["outcome"]!.GetValue<string>()));
            Assert.Equal(perRequest + 1, result["accepted"]!.GetValue<int>() + result["duplicates"]!.GetValue<int>());
        }
        Assert.Equal(1, responses.Count(r => r["items"]!.AsArray()[perRequest]!["outcome"]!.GetValue<string>() == "accepted"));
        var performance = await tenant.GetJsonAsync("/api/v1/employees/B004/performance");
        Assert.Equal((requests * perRequest) + 1, performance["eventCount"]!.GetValue<int>());
        Assert.Equal((requests * perRequest * 100m) + 1m, Indicator(performance, "loan-volume")["value"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_same_id_in_another_tenant_is_a_different_event()
    {
        var one = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var two = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var a = await Expect.StatusAsync(await one.PostEventsAsync([TestEvents.Loan("B001", 10, "shared-id")]), 200);
        var b = await Expect.StatusAsync(await two.PostEventsAsync([TestEvents.Loan("B001", 10, "shared-id")]), 200);
        Assert.Equal(1, a["accepted"]!.GetValue<int>());
        Assert.Equal(1, b["accepted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Ndjson_is_accepted_and_a_broken_line_is_rejected_alone()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var lines = string.Join('\n', JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(TestEvents.Loan("B001", 5)))!.ToJsonString(), "{not json", JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(TestEvents.Loan("B001", 6)))!.ToJsonString());
        var response = await tenant.Ingest.PostAsync("/api/v1/events", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"), Cancel);

        var result = await Expect.StatusAsync(response, 200);
        Assert.Equal(2, result["accepted"]!.GetValue<int>());
        Assert.Equal("rejected", result["items"]![1]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_that_is_not_an_array_or_is_too_large_is_refused_whole()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.ProblemAsync(await tenant.Ingest.PostAsync("/api/v1/events", new StringContent("{\"id\":1", Encoding.UTF8, "application/json"), Cancel), 400, "body", "not valid JSON");
        await Expect.ProblemAsync(await tenant.Ingest.PostAsync("/api/v1/events", new StringContent("{}", Encoding.UTF8, "application/json"), Cancel), 400, "body", "array");
        await Expect.ProblemAsync(await tenant.Ingest.PostAsync("/api/v1/events", new StringContent("[]", Encoding.UTF8, "application/json"), Cancel), 400, "body", "no events");

        var tooMany = Enumerable.Range(0, 5_001).Select(i => TestEvents.Loan("B001", 1)).ToArray();
        await Expect.ProblemAsync(await tenant.PostEventsAsync(tooMany), 400, "body", "at most 5000");
        var performance = await tenant.GetJsonAsync("/api/v1/employees/B001/performance");
        Assert.Equal(0, performance["eventCount"]!.GetValue<int>());
    }

    private static void AssertRejected(JsonNode? item, string field, string reasonPart)
    {
        Assert.Equal("rejected", item!["outcome"]!.GetValue<string>());
        Assert.Equal(field, item["field"]!.GetValue<string>());
        Assert.Contains(reasonPart, item["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    internal static JsonNode Indicator(JsonNode performance, string id) =>
        performance["sections"]!.AsArray().SelectMany(s => s!["indicators"]!.AsArray()).Single(i => i!["id"]!.GetValue<string>() == id)!;
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

/// <summary>Invariant 7: no input breaks a view. Each hostile input is refused with the field and the reason, never a 5xx.</summary>
public sealed class InputSafetyTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Amounts_beyond_a_fields_bounds_are_refused_and_every_view_keeps_answering()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var result = await Expect.StatusAsync(await tenant.PostEventsAsync(
        [
            TestEvents.Loan("B001", 1e27m),
            TestEvents.Loan("B001", 79228162514264337593543950335m),
            TestEvents.Loan("B001", -5),
            TestEvents.Make("ticket.processed", "O001", new { minutes = -1, hasError = false }),
            TestEvents.Make("bug.reported", "T001", new { severity = new string('x', 1_001) }),
            TestEvents.Loan("B001", 1_000_000_000_000_000m + 1),
            TestEvents.Loan("B001", 120_000),
        ]), 200);

        var items = result["items"]!.AsArray();
        AssertRejected(items[0], "data.amount", "between 0 and 1000000000000000");
        AssertRejected(items[1], "data.amount", "between");
        AssertRejected(items[2], "data.amount", "between 0 and");
        AssertRejected(items[3], "data.minutes", "between 0 and");
        AssertRejected(items[4], "data.severity", "at most 1000 characters");
        AssertRejected(items[5], "data.amount", "between");
        Assert.Equal("accepted", items[6]!["outcome"]!.GetValue<string>());

        var performance = await tenant.GetJsonAsync("/api/v1/employees/B001/performance");
        Assert.Equal(120_000m, IngestionApiTests.Indicator(performance, "loan-volume")["value"]!.GetValue<decimal>());
        await tenant.GetJsonAsync("/api/v1/departments/biz/performance");
        await tenant.GetJsonAsync("/api/v1/overview");
    }

    [Fact]
    public async Task Field_bounds_are_declared_in_the_registry_and_checked_at_registration()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var put = (object definition) => tenant.Http.PutAsJsonAsync("/api/v1/event-types/sale.closed", definition, TenantClient.Json, Cancel);

        await RefusedAsync(await put(new { type = "sale.closed", fields = new object[] { new { name = "amount", kind = "number", minimum = 10, maximum = 1 } } }), "maximum");
        await RefusedAsync(await put(new { type = "sale.closed", fields = new object[] { new { name = "amount", kind = "number", maximum = 1e19m } } }), "maximum");
        await RefusedAsync(await put(new { type = "sale.closed", fields = new object[] { new { name = "note", kind = "string", minimum = 0 } } }), "minimum");
        await RefusedAsync(await put(new { type = "sale.closed", fields = new object[] { new { name = "note", kind = "number", maxLength = 10 } } }), "maxLength");
        await RefusedAsync(await put(new { type = "sale.closed", description = new string('d', 1_001), fields = Array.Empty<object>() }), "description");
        await Expect.StatusAsync(await put(new { type = "sale.closed", fields = new object[] { new { name = "amount", kind = "number", minimum = 1, maximum = 100 }, new { name = "note", kind = "string", maxLength = 3 } } }), 200);

        var result = await Expect.StatusAsync(await tenant.PostEventsAsync(
        [
            TestEvents.Make("sale.closed", "B001", new { amount = 0.5m }),
            TestEvents.Make("sale.closed", "B001", new { amount = 101 }),
            TestEvents.Make("sale.closed", "B001", new { note = "four" }),
            TestEvents.Make("sale.closed", "B001", new { amount = 100, note = "abc" }),
        ]), 200);
        var items = result["items"]!.AsArray();
        AssertRejected(items[0], "data.amount", "between 1 and 100");
        AssertRejected(items[1], "data.amount", "between 1 and 100");
        AssertRejected(items[2], "data.note", "at most 3 characters");
        Assert.Equal("accepted", items[3]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Organisation_names_have_a_maximum_length()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var longName = new string('名', 201);

        await RefusedAsync(await tenant.Http.PutAsJsonAsync("/api/v1/departments/sales", new { id = "sales", name = longName, parentId = "hq" }, TenantClient.Json, Cancel), ".name");
        await RefusedAsync(await tenant.Http.PutAsJsonAsync("/api/v1/employees/B900", new { id = "B900", name = longName, departmentId = "biz" }, TenantClient.Json, Cancel), ".name");
        await RefusedAsync(await tenant.Http.PutAsJsonAsync("/api/v1/employees/B900", new { id = "B900", name = "新人", departmentId = "biz", title = longName }, TenantClient.Json, Cancel), ".title");
        await Expect.StatusAsync(await tenant.Http.PutAsJsonAsync("/api/v1/departments/sales", new { id = "sales", name = new string('名', 200), parentId = "hq" }, TenantClient.Json, Cancel), 200);
    }

    [Fact]
    public async Task Occurrence_times_outside_the_plausibility_window_are_refused_per_item()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var result = await Expect.StatusAsync(await tenant.PostEventsAsync(
        [
            TestEvents.Loan("B001", 1, at: TestEvents.Now.AddDays(2)),
            TestEvents.Loan("B001", 1, at: new DateTimeOffset(1999, 12, 31, 12, 0, 0, TimeSpan.FromHours(8))),
            TestEvents.Loan("B001", 1, at: new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            new { id = "max", type = "loan.disbursed", employeeId = "B001", occurredAt = "9999-12-31T23:59:59+00:00", data = new { amount = 1 } },
            new { id = "min", type = "loan.disbursed", employeeId = "B001", occurredAt = "0001-01-01T00:00:00+08:00", data = new { amount = 1 } },
            TestEvents.Loan("B001", 7, at: TestEvents.Now.AddHours(12)),
        ]), 200);

        var items = result["items"]!.AsArray();
        AssertRejected(items[0], "occurredAt", "later than");
        AssertRejected(items[1], "occurredAt", "before 2000-01-01");
        AssertRejected(items[2], "occurredAt", "before");
        AssertRejected(items[3], "occurredAt", "later than");
        AssertRejected(items[4], "occurredAt", "");
        Assert.Equal("accepted", items[5]!["outcome"]!.GetValue<string>());
        await tenant.GetJsonAsync("/api/v1/employees/B001/performance");
    }

    [Theory]
    [InlineData("0001-01")]
    [InlineData("1969-12")]
    [InlineData("9001-01")]
    [InlineData("0000-00")]
    [InlineData("2026-1")]
    public async Task Edge_months_are_refused_with_a_problem_not_a_500(string period)
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.ProblemAsync(await tenant.Http.GetAsync($"/api/v1/employees/B001/performance?period={period}", Cancel), 400, "period", "yyyy-MM");
    }

    [Theory]
    [InlineData("1970-01")]
    [InlineData("9000-12")]
    [InlineData("2000-02")]
    public async Task Months_at_the_ends_of_the_accepted_range_answer_with_data(string period)
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var performance = await tenant.GetJsonAsync($"/api/v1/employees/B001/performance?period={period}");
        Assert.Equal(period, performance["period"]!.GetValue<string>());
        Assert.Equal(0, performance["eventCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_json_array_is_refused_not_a_500()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var body = Concat(Utf8("["), WithBytes(TestEvents.Loan("B001", 1, "bad-@"), [0xC3, 0x28]), Utf8(","),
            WithBytes(TestEvents.Make("loan.disbursed", "B001", new { amount = 2, product = "@" }, "good"), [0xFF]), Utf8("]"));

        var response = await tenant.Ingest.PostAsync("/api/v1/events", Bytes(body, "application/json"), Cancel);

        Assert.True((int)response.StatusCode < 500, $"got {(int)response.StatusCode}");
        if ((int)response.StatusCode == 400)
        {
            await Expect.ProblemAsync(response, 400, "body", "UTF-8");
        }
        else
        {
            var items = (await Expect.StatusAsync(response, 200))["items"]!.AsArray();
            Assert.All(items, item => Assert.Contains("UTF-8", item!["reason"]!.GetValue<string>(), StringComparison.Ordinal));
        }
        Assert.Equal(0, (await tenant.GetJsonAsync("/api/v1/employees/B001/performance"))["eventCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invalid_utf8_in_ndjson_rejects_the_line_instead_of_merging_two_ids()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var body = Concat(
            WithBytes(TestEvents.Loan("B001", 1, "x-@"), [0xFE]), Utf8("\n"),
            WithBytes(TestEvents.Loan("B001", 1, "x-@"), [0xFF]), Utf8("\n"),
            Utf8(System.Text.Json.JsonSerializer.Serialize(TestEvents.Loan("B001", 5, "fine"))));

        var result = await Expect.StatusAsync(await tenant.Ingest.PostAsync("/api/v1/events", Bytes(body, "application/x-ndjson"), Cancel), 200);

        var items = result["items"]!.AsArray();
        Assert.Equal(3, items.Count);
        AssertRejected(items[0], "", "UTF-8");
        AssertRejected(items[1], "", "UTF-8");
        Assert.Equal("accepted", items[2]!["outcome"]!.GetValue<string>());
        Assert.Equal(1, (await tenant.GetJsonAsync("/api/v1/employees/B001/performance"))["eventCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Lone_surrogate_escapes_are_refused_so_two_ids_never_become_one()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var body = Concat(Utf8("["), WithText(TestEvents.Loan("B001", 1, "s-@"), "\\ud800"), Utf8(","), WithText(TestEvents.Loan("B001", 1, "s-@"), "\\udbff"), Utf8("]"));

        var result = await Expect.StatusAsync(await tenant.Ingest.PostAsync("/api/v1/events", Bytes(body, "application/json"), Cancel), 200);

        Assert.Equal(2, result["rejected"]!.GetValue<int>());
        AssertRejected(result["items"]![0], "", "UTF-8");
    }

    [Fact]
    public async Task A_property_named_twice_is_refused_not_last_one_wins()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var twiceAtTop = System.Text.Json.JsonSerializer.Serialize(TestEvents.Loan("B001", 1, "d-1")).Replace("\"employeeId\":\"B001\"", "\"employeeId\":\"B001\",\"employeeId\":\"B002\"", StringComparison.Ordinal);
        var twiceInData = System.Text.Json.JsonSerializer.Serialize(TestEvents.Loan("B001", 1, "d-2")).Replace("\"amount\":1", "\"amount\":1,\"amount\":1000000", StringComparison.Ordinal);

        var result = await Expect.StatusAsync(await tenant.Ingest.PostAsync("/api/v1/events", new StringContent($"[{twiceAtTop},{twiceInData}]", Encoding.UTF8, "application/json"), Cancel), 200);

        var items = result["items"]!.AsArray();
        AssertRejected(items[0], "employeeId", "more than once");
        AssertRejected(items[1], "data.amount", "more than once");
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var scores = await tenant.Http.GetAsync("/api/v1/employees/B001/performance", Cancel);
        var refused = await fixture.App.CreateClient().GetAsync("/api/v1/overview", Cancel);
        var signIn = await fixture.App.CreateClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId = tenant.TenantId, userName = "hr", password = TenantClient.Password }, Cancel);
        var page = await fixture.App.CreateClient().GetAsync("/api/", Cancel);

        foreach (var response in new[] { scores, refused, signIn, page })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.False(response.Headers.Contains("Server"));
        }
        foreach (var response in new[] { scores, refused, signIn })
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri} is cacheable");
        }
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private static async Task RefusedAsync(HttpResponseMessage response, string itemPart)
    {
        var problem = await Expect.StatusAsync(response, 400);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.EndsWith(itemPart, StringComparison.Ordinal));
    }

    /// <summary>The event as JSON, with the '@' in it replaced by raw bytes (which need not be UTF-8).</summary>
    private static byte[] WithBytes(object e, byte[] bytes)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(e);
        var at = json.IndexOf('@', StringComparison.Ordinal);
        return Concat(Utf8(json[..at]), bytes, Utf8(json[(at + 1)..]));
    }

    private static byte[] WithText(object e, string text) => WithBytes(e, Utf8(text));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static ByteArrayContent Bytes(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return content;
    }

    internal static void AssertRejected(JsonNode? item, string field, string reasonPart)
    {
        Assert.True(item!["outcome"]!.GetValue<string>() == "rejected", $"Expected a rejection, got {item.ToJsonString()}");
        Assert.Equal(field, item["field"]!.GetValue<string>());
        Assert.Contains(reasonPart, item["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}

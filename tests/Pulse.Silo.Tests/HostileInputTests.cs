using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

/// <summary>
/// Invariants 6 and 7 under generated hostile input: thousands of malformed, out-of-bounds and mis-encoded items,
/// mixed with valid ones, get no 5xx; every item is answered with the outcome it deserves; exactly the valid ones
/// are written; and every read endpoint still answers 200, also after a restart on the same files.
/// </summary>
public sealed class HostileInputTests
{
    private const int Items = 4_000;
    private const int PerRequest = 250;
    private static readonly string[] Staff = ["B001", "B002", "B003", "O001", "T001"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Valid items are dated now: a generated time could fall into another month, which the scorecards read here do not show.

    /// <summary>One generated item: its bytes as sent, and whether it is valid (so must be accepted).</summary>
    private sealed record Item(byte[] Json, bool Valid, string Kind);

    [Fact]
    public async Task Generated_bad_items_are_each_refused_and_no_view_breaks_before_or_after_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        var items = Gen.Sample(ItemGen(), 30, new Rnd(20261202UL, 0x9E3779B97F4A7C15UL), Items);
        TenantClient tenant;
        int written;
        await using (var app = new PulseApp(directory))
        {
            tenant = await TenantClient.CreateAsync(app, DemoCompany.Document(10));
            for (var start = 0; start < items.Length; start += PerRequest)
            {
                var batch = items[start..Math.Min(items.Length, start + PerRequest)];
                var ndjson = (start / PerRequest) % 2 == 1 || batch.Any(i => i.Kind == "not-utf8");
                await PostAndCheckAsync(tenant, batch, ndjson);
            }

            written = await ReadEverythingAsync(tenant);
            Assert.Equal(items.Count(i => i.Valid), written);
        }

        await using var restarted = new PulseApp(directory);
        Assert.Equal(written, await ReadEverythingAsync(tenant.On(restarted)));
    }

    private static async Task PostAndCheckAsync(TenantClient tenant, Item[] batch, bool ndjson)
    {
        var body = ndjson
            ? Join(batch.Select(i => i.Json), "\n"u8.ToArray(), [], [])
            : Join(batch.Select(i => i.Json), ","u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray());
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(ndjson ? "application/x-ndjson" : "application/json");

        var response = await tenant.Ingest.PostAsync("/api/v1/events", content, Cancel);

        var result = await Expect.StatusAsync(response, 200);
        var outcomes = result["items"]!.AsArray();
        Assert.Equal(batch.Length, outcomes.Count);
        for (var i = 0; i < batch.Length; i++)
        {
            var outcome = outcomes[i]!["outcome"]!.GetValue<string>();
            Assert.True(outcome == (batch[i].Valid ? "accepted" : "rejected"),
                $"{batch[i].Kind} item {Encoding.UTF8.GetString(batch[i].Json)} was {outcomes[i]!.ToJsonString()}");
            if (!batch[i].Valid) Assert.False(string.IsNullOrEmpty(outcomes[i]!["reason"]?.GetValue<string>()));
        }
    }

    /// <summary>Reads every view of the tenant (each must answer 200) and returns the events its employees hold.</summary>
    private static async Task<int> ReadEverythingAsync(TenantClient tenant)
    {
        var total = 0;
        var employees = (await tenant.GetJsonAsync("/api/v1/employees")).AsArray().Select(e => e!["id"]!.GetValue<string>()).ToArray();
        foreach (var id in employees)
        {
            total += (await tenant.GetJsonAsync($"/api/v1/employees/{id}/performance"))["eventCount"]!.GetValue<int>();
            await tenant.GetJsonAsync($"/api/v1/employees/{id}/alerts");
        }
        foreach (var department in (await tenant.GetJsonAsync("/api/v1/departments")).AsArray())
        {
            await tenant.GetJsonAsync($"/api/v1/departments/{department!["id"]!.GetValue<string>()}/performance");
        }
        await tenant.GetJsonAsync("/api/v1/overview");
        await tenant.GetJsonAsync("/api/v1/organisation");
        return total;
    }

    private static Gen<Item> ItemGen() => Gen.Frequency(
        (3, Valid()),
        (3, Field("amount", Gen.Elements("1e27", "-1", "-0.000001", "79228162514264337593543950335", "-79228162514264337593543950335", "1e400", "1000000000000000.5"), "bound")),
        (2, Field("amount", Gen.Elements("\"12\"", "true", "null", "[1]", "{\"a\":{\"b\":[[[[1]]]]}}", "\"\""), "amount-type")),
        (2, Field("product", Gen.Choose(101, 5_000).Select(n => Quote(new string('贷', n))), "long-string")),
        (2, Field("colour", Gen.Constant("\"red\""), "unknown-field")),
        (3, OccurredAt()),
        (2, Id()),
        (2, Gen.Elements("1", "null", "\"x\"", "[]", "{}", "[{}]", "true").Select(json => new Item(Encoding.UTF8.GetBytes(json), false, "not-an-event"))),
        (2, Gen.Elements("type", "employeeId").SelectMany(property => Gen.Elements("\"nope\"", "42", "null", "\"\"", "\"B001\\u0000\"").Select(value => Replace(property, value, "bad-" + property)))),
        (1, Gen.Elements("{\"amount\":1,\"amount\":2}").Select(data => Raw($$"""{"id":"{{Guid.NewGuid():N}}","type":"loan.disbursed","employeeId":"B001","occurredAt":"{{At(Now)}}","data":{{data}}}""", "duplicate-data"))),
        (1, Gen.Elements<byte>(0x80, 0xC3, 0xFE, 0xFF).Select(bad => NotUtf8(bad))));

    private static Gen<Item> Valid() =>
        from who in Gen.Elements(Staff)
        from cents in Gen.Choose(0, 100_000_000)
        select Raw(Event(who, At(Now), $$"""{"amount":{{(cents / 100m).ToString(CultureInfo.InvariantCulture)}},"product":"消费贷"}"""), "valid", valid: true);

    private static Gen<Item> Field(string name, Gen<string> values, string kind) =>
        values.Select(value => Raw(Event("B001", At(Now), name == "amount" ? $$"""{"amount":{{value}}}""" : $$"""{"amount":1,"{{name}}":{{value}}}"""), kind));

    private static Gen<Item> OccurredAt() =>
        Gen.Elements(
            Quote(At(Now.AddDays(3))), Quote("1999-12-31T23:59:59+08:00"), Quote("0001-01-01T00:00:00+08:00"), Quote("9999-12-31T23:59:59Z"),
            Quote("2026-13-01T00:00:00Z"), Quote("2026-11-03T09:30:00"), Quote("yesterday"), "20261103", "null", Quote(""))
        .Select(value => Replace("occurredAt", value, "occurred-at"));

    private static Gen<Item> Id() =>
        Gen.Elements(Quote(""), Quote(new string('i', 129)), "42", "null", Quote("\\ud800"), Quote("a\\udfff"))
        .Select(value => Replace("id", value, "bad-id"))
        .Or(Gen.Constant(Raw($$$"""{"id":"{{{Guid.NewGuid():N}}}","id":"{{{Guid.NewGuid():N}}}","type":"loan.disbursed","employeeId":"B001","occurredAt":"{{{At(Now)}}}","data":{"amount":1}}""", "duplicate-id")));

    /// <summary>A valid event with one top-level property's JSON value replaced.</summary>
    private static Item Replace(string property, string json, string kind)
    {
        var node = JsonNode.Parse(Event("B001", At(Now), """{"amount":1}"""))!.AsObject();
        var text = node.ToJsonString().Replace($"\"{property}\":{node[property]!.ToJsonString()}", $"\"{property}\":{json}", StringComparison.Ordinal);
        return Raw(text, kind);
    }

    private static Item NotUtf8(byte bad)
    {
        var json = Encoding.UTF8.GetBytes(Event("B001", At(Now), """{"amount":1}""").Replace("\"id\":\"", "\"id\":\"@", StringComparison.Ordinal));
        var at = Array.IndexOf(json, (byte)'@');
        json[at] = bad;
        return new Item(json, false, "not-utf8");
    }

    private static string Event(string employeeId, string occurredAt, string data) =>
        $$"""{"id":"{{Guid.NewGuid():N}}","type":"loan.disbursed","employeeId":"{{employeeId}}","occurredAt":"{{occurredAt}}","data":{{data}},"source":"fuzz"}""";

    private static Item Raw(string json, string kind, bool valid = false) => new(Encoding.UTF8.GetBytes(json), valid, kind);

    private static string Quote(string text) => "\"" + text + "\"";

    private static DateTimeOffset Now => TestEvents.Now;

    private static string At(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static byte[] Join(IEnumerable<byte[]> parts, byte[] separator, byte[] open, byte[] close)
    {
        var stream = new MemoryStream();
        stream.Write(open);
        var first = true;
        foreach (var part in parts)
        {
            if (!first) stream.Write(separator);
            stream.Write(part);
            first = false;
        }
        stream.Write(close);
        return stream.ToArray();
    }
}

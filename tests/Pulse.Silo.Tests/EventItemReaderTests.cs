using System.Text;
using System.Text.Json;
using Pulse.Organisation;
using Pulse.Silo.Demo;
using Pulse.Silo.Ingestion;

namespace Pulse.Silo.Tests;

/// <summary>The per-item checks of ingestion, directly: what is accepted as an event and why anything else is not.</summary>
public sealed class EventItemReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 15, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly OccurrenceWindow Window = new(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), Now.AddDays(1));
    private static readonly CompiledRules Rules = CreateRules();

    private static CompiledRules CreateRules()
    {
        var document = DemoCompany.Document(10);
        var employees = document.Employees!.Select(e => e.Id == "B005" ? e with { Active = false } : e).ToArray();
        return new CompiledRules(new TenantRules(1, DemoCompany.Settings("t"), document.EventTypes!, document.Departments!, employees, document.Templates!));
    }

    private static ParsedItem Read(string json)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
        return EventItemReader.Read(3, document.RootElement, Rules, Window);
    }

    private static string Item(string id = "\"e-1\"", string type = "\"loan.disbursed\"", string employee = "\"B001\"", string at = "\"2026-11-15T10:00:00+08:00\"", string data = "{\"amount\":120000,\"product\":\"经营贷\"}", string extra = "") =>
        $"{{\"id\":{id},\"type\":{type},\"employeeId\":{employee},\"occurredAt\":{at},\"data\":{data}{extra}}}";

    [Fact]
    public void A_valid_item_becomes_an_event_with_compact_data()
    {
        var item = Read(Item(extra: ",\"source\":\"loan-system\""));

        Assert.Null(item.Reason);
        Assert.Equal(3, item.Index);
        Assert.Equal("e-1", item.Event!.Id);
        Assert.Equal("B001", item.Event.EmployeeId);
        Assert.Equal(new DateTimeOffset(2026, 11, 15, 2, 0, 0, TimeSpan.Zero), item.Event.OccurredAt);
        Assert.Equal("{\"amount\":120000,\"product\":\"\\u7ECF\\u8425\\u8D37\"}", item.Event.Data);
        Assert.Equal("loan-system", item.Event.Source);
    }

    [Theory]
    [InlineData("[]", "", "JSON object")]
    [InlineData("{\"type\":\"loan.disbursed\"}", "id", "required")]
    public void Something_that_is_not_an_event_is_refused(string json, string field, string reason) => AssertRefused(Read(json), field, reason);

    [Theory]
    [InlineData("\"\"", "id", "required")]
    [InlineData("42", "id", "required")]
    [InlineData("\"iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii\"", "id", "at most 128")]
    [InlineData("\"a\\ud800\"", "", "UTF-8")]
    public void A_bad_id_is_refused(string id, string field, string reason) => AssertRefused(Read(Item(id: id)), field, reason);

    [Theory]
    [InlineData("\"loan.approved\"", "not a registered event type")]
    [InlineData("7", "required")]
    public void An_unregistered_type_is_refused(string type, string reason) => AssertRefused(Read(Item(type: type)), "type", reason);

    [Theory]
    [InlineData("\"X999\"", "does not exist")]
    [InlineData("\"B005\"", "not active")]
    [InlineData("null", "required")]
    public void An_unknown_or_inactive_employee_is_refused(string employee, string reason) => AssertRefused(Read(Item(employee: employee)), "employeeId", reason);

    [Theory]
    [InlineData("\"2026-11-15T10:00:00\"", "offset")]
    [InlineData("\"2026-11-15\"", "offset")]
    [InlineData("\"2026-11-17T10:00:00+08:00\"", "later than")]
    [InlineData("\"1999-12-31T23:59:59Z\"", "before 2000-01-01")]
    [InlineData("\"0001-01-01T00:00:00+08:00\"", "ISO 8601")]
    public void An_implausible_or_ambiguous_time_is_refused(string at, string reason) => AssertRefused(Read(Item(at: at)), "occurredAt", reason);

    [Theory]
    [InlineData("{\"amount\":-1}", "data.amount", "between 0 and 1000000000000000")]
    [InlineData("{\"amount\":1e27}", "data.amount", "between 0 and")]
    [InlineData("{\"amount\":1e400}", "data.amount", "must be a number")]
    [InlineData("{\"amount\":\"5\"}", "data.amount", "must be a number")]
    [InlineData("{\"amount\":null}", "data.amount", "must not be null")]
    [InlineData("{\"product\":\"x\"}", "data.amount", "required")]
    [InlineData("{\"amount\":1,\"colour\":\"red\"}", "data.colour", "not a registered field")]
    [InlineData("{\"amount\":1,\"amount\":2}", "data.amount", "more than once")]
    [InlineData("[1]", "data", "JSON object")]
    public void Data_outside_the_registry_is_refused(string data, string field, string reason) => AssertRefused(Read(Item(data: data)), field, reason);

    [Fact]
    public void A_string_longer_than_its_declared_length_is_refused()
    {
        AssertRefused(Read(Item(data: $"{{\"amount\":1,\"product\":\"{new string('p', 101)}\"}}")), "data.product", "at most 100 characters");
        Assert.Null(Read(Item(data: $"{{\"amount\":1,\"product\":\"{new string('p', 100)}\"}}")).Reason);
    }

    [Fact]
    public void A_property_named_twice_or_unknown_at_the_top_is_refused()
    {
        AssertRefused(Read(Item(extra: ",\"type\":\"loan.defaulted\"")), "type", "more than once");
        AssertRefused(Read(Item(extra: ",\"tenantId\":\"other\"")), "tenantId", "not a field of a business event");
    }

    [Fact]
    public void Raw_bytes_that_are_not_utf8_are_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Item(id: "\"e-@\""));
        bytes[Array.IndexOf(bytes, (byte)'@')] = 0xFF;
        using var document = JsonDocument.Parse(bytes);

        AssertRefused(EventItemReader.Read(0, document.RootElement, Rules, Window), "", "UTF-8");
    }

    [Fact]
    public void Declared_bounds_of_the_field_decide()
    {
        var rules = new CompiledRules(Rules.Rules with
        {
            EventTypes = [new EventTypeDefinition("loan.disbursed", [new EventFieldDefinition("amount", FieldKind.Number, true, Minimum: -5, Maximum: 5)])],
        });
        ParsedItem ReadWith(string data)
        {
            using var document = JsonDocument.Parse(Item(data: data));
            return EventItemReader.Read(0, document.RootElement, rules, Window);
        }

        Assert.Null(ReadWith("{\"amount\":-5}").Reason);
        Assert.Null(ReadWith("{\"amount\":5}").Reason);
        AssertRefused(ReadWith("{\"amount\":5.01}"), "data.amount", "between -5 and 5");
    }

    private static void AssertRefused(ParsedItem item, string field, string reason)
    {
        Assert.Null(item.Event);
        Assert.Equal(field, item.Field);
        Assert.Contains(reason, item.Reason, StringComparison.OrdinalIgnoreCase);
    }
}

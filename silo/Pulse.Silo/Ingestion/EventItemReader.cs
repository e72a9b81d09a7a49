using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Pulse.Events;
using Pulse.Organisation;
using Pulse.Scoring;

namespace Pulse.Silo.Ingestion;

/// <summary>
/// Reads one posted event and checks it against the tenant's registry: known type, registered and correctly typed
/// fields, required fields present, an existing active employee, an occurrence time with an explicit offset.
/// Anything else is refused with the field and the reason.
/// </summary>
public static class EventItemReader
{
    public const int MaxIdLength = 128;
    private const int MaxSourceLength = 64;
    private static readonly HashSet<string> Properties = new(StringComparer.Ordinal) { "id", "type", "employeeId", "occurredAt", "data", "source" };

    public static ParsedItem Read(int index, JsonElement item, CompiledRules rules)
    {
        if (item.ValueKind != JsonValueKind.Object) return Refuse(index, null, "", "must be a JSON object");

        string? id = null;
        if (item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String) id = idElement.GetString();
        if (string.IsNullOrWhiteSpace(id)) return Refuse(index, null, "id", "is required: a non-empty string, the sender's idempotency key");
        if (id.Length > MaxIdLength) return Refuse(index, null, "id", $"must be at most {MaxIdLength} characters");

        foreach (var property in item.EnumerateObject())
        {
            if (!Properties.Contains(property.Name)) return Refuse(index, id, property.Name, "is not a field of a business event");
        }

        if (!TryString(item, "type", out var type)) return Refuse(index, id, "type", "is required");
        if (!rules.EventTypes.TryGetValue(type, out var definition)) return Refuse(index, id, "type", $"'{type}' is not a registered event type");

        if (!TryString(item, "employeeId", out var employeeId)) return Refuse(index, id, "employeeId", "is required");
        if (!rules.Employees.TryGetValue(employeeId, out var employee)) return Refuse(index, id, "employeeId", $"employee '{employeeId}' does not exist");
        if (!employee.Active) return Refuse(index, id, "employeeId", $"employee '{employeeId}' is not active");

        if (!TryString(item, "occurredAt", out var occurredText)) return Refuse(index, id, "occurredAt", "is required");
        if (!TryParseInstant(occurredText, out var occurredAt)) return Refuse(index, id, "occurredAt", "must be an ISO 8601 date-time with an offset, e.g. 2026-11-03T09:30:00+08:00");

        string? source = null;
        if (item.TryGetProperty("source", out var sourceElement) && sourceElement.ValueKind != JsonValueKind.Null)
        {
            if (sourceElement.ValueKind != JsonValueKind.String) return Refuse(index, id, "source", "must be a string");
            source = sourceElement.GetString();
            if (source!.Length > MaxSourceLength) return Refuse(index, id, "source", $"must be at most {MaxSourceLength} characters");
        }

        var data = item.TryGetProperty("data", out var dataElement) ? dataElement : default;
        if (data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null)) return Refuse(index, id, "data", "must be a JSON object");
        var error = CheckData(data, definition);
        if (error is not null) return Refuse(index, id, error.Value.Field, error.Value.Reason);

        return new ParsedItem(index, id, new BusinessEvent(id, type, employeeId, occurredAt, Compact(data), source), null, null);
    }

    private static (string Field, string Reason)? CheckData(JsonElement data, EventTypeDefinition definition)
    {
        // An event type has a handful of fields: a linear search beats building a lookup for every item.
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                if (Find(definition, property.Name) is not { } field) return ($"data.{property.Name}", $"is not a registered field of '{definition.Type}'");
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    if (field.Required) return ($"data.{property.Name}", "is required and must not be null");
                    continue;
                }
                var ok = field.Kind switch
                {
                    FieldKind.Number => property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDecimal(out _),
                    FieldKind.String => property.Value.ValueKind == JsonValueKind.String,
                    FieldKind.Boolean => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                    _ => false,
                };
                if (!ok) return ($"data.{property.Name}", $"must be a {field.Kind.ToString().ToLowerInvariant()}");
            }
        }
        foreach (var field in definition.Fields)
        {
            if (field.Required && (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(field.Name, out _))) return ($"data.{field.Name}", "is required");
        }
        return null;
    }

    private static EventFieldDefinition? Find(EventTypeDefinition definition, string name)
    {
        foreach (var field in definition.Fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal)) return field;
        }
        return null;
    }

    private static bool TryString(JsonElement item, string name, out string value)
    {
        value = "";
        if (!item.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String) return false;
        value = element.GetString()!;
        return value.Length > 0;
    }

    /// <summary>Requires an explicit offset ('Z' or ±hh:mm): a local time without one would fall into the wrong month.</summary>
    private static bool TryParseInstant(string text, out DateTimeOffset value) => OffsetTimeText.TryParse(text, out value);

    // One buffer and writer per thread: compacting runs for every posted event.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    private static string Compact(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object) return "{}";
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        data.WriteTo(writer);
        writer.Flush();
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ParsedItem Refuse(int index, string? id, string field, string reason) => new(index, id, null, field, reason);
}

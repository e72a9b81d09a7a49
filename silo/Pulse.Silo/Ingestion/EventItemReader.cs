using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Pulse.Events;
using Pulse.Organisation;
using Pulse.Scoring;

namespace Pulse.Silo.Ingestion;

/// <summary>
/// Reads one posted event and checks it against the tenant's registry: known type, registered and correctly typed
/// fields within their declared bounds, required fields present, an existing active employee, an occurrence time with
/// an explicit offset inside the plausibility window, valid UTF-8 and no property named twice. Anything else is refused
/// with the field and the reason.
/// </summary>
public static class EventItemReader
{
    public const int MaxIdLength = 128;
    private const int MaxSourceLength = 64;
    private const string NotUtf8 = "is not valid UTF-8 text";
    private static readonly string[] Properties = ["id", "type", "employeeId", "occurredAt", "data", "source"];

    public static ParsedItem Read(int index, JsonElement item, CompiledRules rules, OccurrenceWindow window)
    {
        try
        {
            return ReadChecked(index, item, rules, window);
        }
        catch (InvalidOperationException)
        {
            // The reader refuses to turn an escaped lone surrogate (\ud800) into a string: it has no UTF-8 form.
            return Refuse(index, null, "", NotUtf8);
        }
    }

    private static ParsedItem ReadChecked(int index, JsonElement item, CompiledRules rules, OccurrenceWindow window)
    {
        if (item.ValueKind != JsonValueKind.Object) return Refuse(index, null, "", "must be a JSON object");

        // Text that is not UTF-8 would be stored with replacement characters: two different ids could become one.
        if (!Utf8.IsValid(JsonMarshal.GetRawUtf8Value(item))) return Refuse(index, null, "", NotUtf8);

        string? id = null;
        if (item.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String) id = idElement.GetString();
        if (string.IsNullOrWhiteSpace(id)) return Refuse(index, null, "id", "is required: a non-empty string, the sender's idempotency key");
        if (id.Length > MaxIdLength) return Refuse(index, null, "id", $"must be at most {MaxIdLength} characters");
        if (!IsWellFormed(id)) return Refuse(index, null, "id", NotUtf8);

        // A bit per known name: cheaper per item than a set, and an event has only six.
        var seen = 0;
        foreach (var property in item.EnumerateObject())
        {
            var known = Array.IndexOf(Properties, property.Name);
            if (known < 0) return Refuse(index, id, property.Name, "is not a field of a business event");
            if ((seen & (1 << known)) != 0) return Refuse(index, id, property.Name, "appears more than once in the event");
            seen |= 1 << known;
        }

        if (!TryString(item, "type", out var type)) return Refuse(index, id, "type", "is required");
        if (!rules.EventTypes.TryGetValue(type, out var definition)) return Refuse(index, id, "type", $"'{type}' is not a registered event type");

        if (!TryString(item, "employeeId", out var employeeId)) return Refuse(index, id, "employeeId", "is required");
        if (!rules.Employees.TryGetValue(employeeId, out var employee)) return Refuse(index, id, "employeeId", $"employee '{employeeId}' does not exist");
        if (!employee.Active) return Refuse(index, id, "employeeId", $"employee '{employeeId}' is not active");

        if (!TryString(item, "occurredAt", out var occurredText)) return Refuse(index, id, "occurredAt", "is required");
        if (!TryParseInstant(occurredText, out var occurredAt)) return Refuse(index, id, "occurredAt", "must be an ISO 8601 date-time with an offset, e.g. 2026-11-03T09:30:00+08:00");
        if (window.Refusal(occurredAt) is { } late) return Refuse(index, id, "occurredAt", late);

        string? source = null;
        if (item.TryGetProperty("source", out var sourceElement) && sourceElement.ValueKind != JsonValueKind.Null)
        {
            if (sourceElement.ValueKind != JsonValueKind.String) return Refuse(index, id, "source", "must be a string");
            source = sourceElement.GetString();
            if (source!.Length > MaxSourceLength) return Refuse(index, id, "source", $"must be at most {MaxSourceLength} characters");
            if (!IsWellFormed(source)) return Refuse(index, id, "source", NotUtf8);
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
            var seen = 0UL; // a bit per registered field: an event type has at most 64
            foreach (var property in data.EnumerateObject())
            {
                var position = IndexOf(definition, property.Name);
                if (position < 0) return ($"data.{property.Name}", $"is not a registered field of '{definition.Type}'");
                if ((seen & (1UL << position)) != 0) return ($"data.{property.Name}", "appears more than once in the data");
                seen |= 1UL << position;
                var field = definition.Fields[position];
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
                if (OutOfBounds(field, property.Value) is { } reason) return ($"data.{property.Name}", reason);
            }
        }
        foreach (var field in definition.Fields)
        {
            if (field.Required && (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(field.Name, out _))) return ($"data.{field.Name}", "is required");
        }
        return null;
    }

    /// <summary>The declared bounds of the field (or the defaults), checked against a value of the right kind.</summary>
    private static string? OutOfBounds(EventFieldDefinition field, JsonElement value)
    {
        if (field.Kind == FieldKind.Number)
        {
            var number = value.GetDecimal();
            var (min, max) = (FieldBounds.MinimumOf(field), FieldBounds.MaximumOf(field));
            return number < min || number > max ? $"must be between {Text(min)} and {Text(max)}" : null;
        }

        if (field.Kind == FieldKind.String)
        {
            var text = value.GetString()!;
            var maxLength = FieldBounds.MaxLengthOf(field);
            if (text.Length > maxLength) return $"must be at most {maxLength} characters";
            if (!IsWellFormed(text)) return NotUtf8;
        }

        return null;
    }

    private static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>False for a lone surrogate (an escape such as \ud800): it has no UTF-8 form and would be stored as U+FFFD.</summary>
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            return false;
        }
        return true;
    }

    private static int IndexOf(EventTypeDefinition definition, string name)
    {
        for (var i = 0; i < definition.Fields.Length; i++)
        {
            if (string.Equals(definition.Fields[i].Name, name, StringComparison.Ordinal)) return i;
        }
        return -1;
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

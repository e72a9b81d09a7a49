using System.Text;
using System.Text.Json;

namespace Pulse.Scoring;

/// <summary>
/// One top-level field of an event's data as scoring needs it: the number (when it is one) and its text for filters
/// (strings as they are, numbers canonical, booleans "true"/"false"). Default means absent or null.
/// </summary>
internal readonly record struct FieldValue(JsonTokenType Kind, decimal? Number, string? Text)
{
    public static FieldValue From(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => new FieldValue(JsonTokenType.String, null, reader.GetString()),
        JsonTokenType.Number => reader.TryGetDecimal(out var number)
            ? new FieldValue(JsonTokenType.Number, number, NumberText.Canonical(number))
            : new FieldValue(JsonTokenType.Number, null, Encoding.UTF8.GetString(reader.ValueSpan)),
        JsonTokenType.True => new FieldValue(JsonTokenType.True, null, "true"),
        JsonTokenType.False => new FieldValue(JsonTokenType.False, null, "false"),
        _ => default,
    };
}

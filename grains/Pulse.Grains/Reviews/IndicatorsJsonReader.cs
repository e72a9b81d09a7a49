using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pulse.Reviews;

/// <summary>
/// Reads the archive's indicators column (<c>{"values":{id:n},"scores":{id:n}}</c>, as <see cref="ArchiveRows"/>
/// writes it) straight off a <see cref="Utf8JsonReader"/>. A trend reads a row per person and month — 12,000 for two
/// years of 500 people — and the general serializer's object and dictionary converters cost twice as much per row.
/// Anything else than that shape is a <see cref="JsonException"/> or <see cref="FormatException"/>, so the row is
/// skipped and counted like any unreadable row.
/// </summary>
internal static class IndicatorsJsonReader
{
    public static (Dictionary<string, decimal> Values, Dictionary<string, decimal> Scores) Read(string json)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer)));
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
            Dictionary<string, decimal>? values = null;
            Dictionary<string, decimal>? scores = null;
            while (Next(ref reader))
            {
                var isValues = reader.ValueTextEquals("values"u8);
                var isScores = !isValues && reader.ValueTextEquals("scores"u8);
                Expect(reader.Read());
                if (isValues) values = Map(ref reader);
                else if (isScores) scores = Map(ref reader);
                else reader.Skip();
            }

            Expect(!reader.Read());
            return (values ?? new(StringComparer.Ordinal), scores ?? new(StringComparer.Ordinal));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>An object of numbers (a later duplicate key wins, as the serializer does), or null.</summary>
    private static Dictionary<string, decimal>? Map(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        Expect(reader.TokenType == JsonTokenType.StartObject);
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (Next(ref reader))
        {
            var key = reader.GetString()!;
            Expect(reader.Read());
            map[key] = reader.TokenType switch
            {
                JsonTokenType.Number => reader.GetDecimal(),
                // The web defaults the column was written with also read numbers written as strings.
                JsonTokenType.String => decimal.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => throw new JsonException($"'{key}' is not a number."),
            };
        }

        return map;
    }

    /// <summary>Moves to the object's next property name; false at its end.</summary>
    private static bool Next(ref Utf8JsonReader reader)
    {
        Expect(reader.Read());
        if (reader.TokenType == JsonTokenType.EndObject) return false;
        Expect(reader.TokenType == JsonTokenType.PropertyName);
        return true;
    }

    private static void Expect(bool condition)
    {
        if (!condition) throw new JsonException("The indicators column is not {\"values\":{…},\"scores\":{…}}.");
    }
}

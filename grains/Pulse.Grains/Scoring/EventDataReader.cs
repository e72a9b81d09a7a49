using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Pulse.Scoring;

/// <summary>Reads only the named top-level fields of an event's JSON data, in one forward pass, skipping the rest.</summary>
internal static class EventDataReader
{
    private const int StackLimit = 1024;

    public static FieldValue[] Read(string data, string[] names)
    {
        var values = new FieldValue[names.Length];
        if (names.Length == 0 || string.IsNullOrEmpty(data))
        {
            return values;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(data.Length);
        byte[]? rented = null;
        Span<byte> buffer = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(data, buffer);
            return Read(buffer[..length], names, values);
        }
        catch (JsonException)
        {
            // Ingestion validated the data; should a malformed one reach the log anyway, it must fold the same way
            // every time rather than fail the grain on each rebuild, so it reads as an event without fields.
            return new FieldValue[names.Length];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static FieldValue[] Read(ReadOnlySpan<byte> json, string[] names, FieldValue[] values)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return values;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(ref reader, names);
            reader.Read();
            if (index >= 0)
            {
                values[index] = FieldValue.From(ref reader);
            }

            // Nested objects and arrays are never scored; Skip is a no-op on a primitive.
            reader.Skip();
        }

        return values;
    }

    private static int IndexOf(ref Utf8JsonReader reader, string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

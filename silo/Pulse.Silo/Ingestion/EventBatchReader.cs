using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Unicode;
using Pulse.Organisation;

namespace Pulse.Silo.Ingestion;

/// <summary>
/// Reads an ingestion body: a JSON array of events (<c>application/json</c>) or one event per line
/// (<c>application/x-ndjson</c>). A malformed array refuses the whole request; a malformed NDJSON line refuses only
/// that line. Each item is checked as soon as it is read, so the parsed document is given back to the pool before
/// the events go to their grains: a request body is large, and a document left to the garbage collector took its
/// pooled buffer with it, making every request allocate a fresh one on the large-object heap.
/// </summary>
/// <remarks>
/// NDJSON is split as bytes, never decoded with replacement characters: a line that is not UTF-8 is refused, where a
/// lenient decoder would have turned two different ids into one and dropped the second as a duplicate.
/// </remarks>
public static class EventBatchReader
{
    public const string NdjsonMediaType = "application/x-ndjson";

    public static bool IsNdjson(HttpRequest request) =>
        request.ContentType is { } type && (type.StartsWith(NdjsonMediaType, StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every item checked against the tenant's rules, or an error (item, reason) when the body as a whole is unusable.</summary>
    public static async Task<(ParsedItem[]? Items, string? Item, string? Error)> ReadAsync(
        HttpRequest request, int maxItems, CompiledRules rules, OccurrenceWindow window, CancellationToken cancellationToken)
    {
        return IsNdjson(request)
            ? await ReadLinesAsync(request.Body, maxItems, rules, window, cancellationToken)
            : await ReadArrayAsync(request.Body, maxItems, rules, window, cancellationToken);
    }

    private static async Task<(ParsedItem[]?, string?, string?)> ReadArrayAsync(Stream body, int maxItems, CompiledRules rules, OccurrenceWindow window, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return (null, "body", $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}); send a JSON array of events or NDJSON with Content-Type {NdjsonMediaType}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array) return (null, "body", "must be a JSON array of events");
            var count = root.GetArrayLength();
            if (count == 0) return (null, "body", "holds no events");
            if (count > maxItems) return (null, "body", $"holds {count} events; at most {maxItems} per request");

            var items = new ParsedItem[count];
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                items[index] = EventItemReader.Read(index, element, rules, window);
                index++;
            }
            return (items, null, null);
        }
    }

    private static async Task<(ParsedItem[]?, string?, string?)> ReadLinesAsync(Stream body, int maxItems, CompiledRules rules, OccurrenceWindow window, CancellationToken cancellationToken)
    {
        var items = new List<ParsedItem>();
        var reader = PipeReader.Create(body);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } end)
                {
                    if (!Add(items, buffer.Slice(0, end), maxItems, rules, window)) return TooMany(maxItems);
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                }
                if (result.IsCompleted)
                {
                    if (!Add(items, buffer, maxItems, rules, window)) return TooMany(maxItems);
                    break;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
        return items.Count == 0 ? (null, "body", "holds no events") : ([.. items], null, null);
    }

    private static (ParsedItem[]?, string?, string?) TooMany(int maxItems) =>
        (null, "body", $"holds more than {maxItems} events; at most {maxItems} per request");

    /// <summary>Reads one line into <paramref name="items"/>; false when the request holds too many.</summary>
    private static bool Add(List<ParsedItem> items, ReadOnlySequence<byte> line, int maxItems, CompiledRules rules, OccurrenceWindow window)
    {
        var bytes = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
        if (items.Count == 0 && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        if (bytes.Trim(" \t\r"u8).IsEmpty) return true;
        if (items.Count == maxItems) return false;
        if (!Utf8.IsValid(bytes))
        {
            items.Add(new ParsedItem(items.Count, null, null, "", "is not valid UTF-8 text"));
            return true;
        }
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray());
            items.Add(EventItemReader.Read(items.Count, document.RootElement, rules, window));
        }
        catch (JsonException)
        {
            items.Add(new ParsedItem(items.Count, null, null, "", "is not valid JSON"));
        }
        return true;
    }
}

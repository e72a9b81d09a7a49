using System.Text;
using System.Text.Json;

namespace Pulse.Silo.Ingestion;

/// <summary>
/// Reads an ingestion body: a JSON array of events (<c>application/json</c>) or one event per line
/// (<c>application/x-ndjson</c>). A malformed array refuses the whole request; a malformed NDJSON line refuses only
/// that line.
/// </summary>
public static class EventBatchReader
{
    public const string NdjsonMediaType = "application/x-ndjson";

    public static bool IsNdjson(HttpRequest request) =>
        request.ContentType is { } type && (type.StartsWith(NdjsonMediaType, StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));

    /// <summary>The items, or an error (item, reason) when the body as a whole is unusable.</summary>
    public static async Task<(List<JsonElement?>? Items, string? Item, string? Error)> ReadAsync(HttpRequest request, int maxItems, CancellationToken cancellationToken)
    {
        return IsNdjson(request) ? await ReadLinesAsync(request.Body, maxItems, cancellationToken) : await ReadArrayAsync(request.Body, maxItems, cancellationToken);
    }

    private static async Task<(List<JsonElement?>?, string?, string?)> ReadArrayAsync(Stream body, int maxItems, CancellationToken cancellationToken)
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
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array) return (null, "body", "must be a JSON array of events");
        var count = root.GetArrayLength();
        if (count == 0) return (null, "body", "holds no events");
        if (count > maxItems) return (null, "body", $"holds {count} events; at most {maxItems} per request");
        return ([.. root.EnumerateArray().Select(e => (JsonElement?)e)], null, null);
    }

    private static async Task<(List<JsonElement?>?, string?, string?)> ReadLinesAsync(Stream body, int maxItems, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement?>();
        using var reader = new StreamReader(body, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (items.Count == maxItems) return (null, "body", $"holds more than {maxItems} events; at most {maxItems} per request");
            try
            {
                using var document = JsonDocument.Parse(line);
                items.Add(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                items.Add(null);
            }
        }
        return items.Count == 0 ? (null, "body", "holds no events") : (items, null, null);
    }
}

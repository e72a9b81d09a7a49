using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Pulse.Bot.DirectLine;

/// <summary>What the channel reads from a request: the token, the watermark, and a small, well-formed JSON body.</summary>
public static class DirectLineRequest
{
    /// <summary>The largest body the channel reads; an activity from Web Chat is a few hundred bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const int MaxDepth = 32;

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1) return null;
        var value = header[0];
        return value is not null && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : null;
    }

    /// <summary>A watermark as the client sends it back: ours are counts; empty, <c>-</c>, negative or garbled reads from the start.</summary>
    public static long Watermark(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var watermark) ? watermark : 0;

    /// <summary>
    /// Reads the body, at most <see cref="MaxBodyBytes"/>, and checks that it is one JSON object in UTF-8 with no
    /// duplicate property names, broken escapes or deep nesting. Empty is <c>null</c> when allowed.
    /// </summary>
    public static async Task<BodyRead> ReadJsonAsync(HttpRequest request, bool optional, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return BodyRead.Refused($"The body is larger than {MaxBodyBytes} bytes.");
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0) break;
            length += read;
        }
        if (length > MaxBodyBytes) return BodyRead.Refused($"The body is larger than {MaxBodyBytes} bytes.");
        var body = buffer.AsMemory(0, length);
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty) return optional ? new BodyRead(null, null) : BodyRead.Refused("The body is empty; send a JSON object.");
        return Check(body.Span) is { } problem ? BodyRead.Refused(problem) : new BodyRead(body, null);
    }

    private static string? Check(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var names = new Stack<HashSet<string>?>();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return "The body must be a JSON object.";
            names.Push(new HashSet<string>(StringComparer.Ordinal));
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        if (!names.Peek()!.Add(reader.GetString()!)) return $"The property '{Shorten(reader.GetString()!)}' appears twice.";
                        break;
                    case JsonTokenType.String:
                        _ = reader.GetString(); // throws on an escaped lone surrogate
                        break;
                }
            }
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return "The body is not well-formed JSON in UTF-8.";
        }
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : string.Concat(name.AsSpan(0, 40), "…");

    public static string Utf8(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);
}

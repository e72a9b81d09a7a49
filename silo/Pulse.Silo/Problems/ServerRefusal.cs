using System.Text;

namespace Pulse.Silo.Problems;

/// <summary>
/// Kestrel refuses a malformed request (a NUL or other control character in the address, a broken request line or
/// header, an address or headers too long) before any middleware runs, with a bare status line and no body. This
/// turns exactly that answer — one of those statuses, <c>Content-Length: 0</c>, <c>Connection: close</c> — into an
/// RFC 9457 problem document with the headers every other answer carries. Anything else passes untouched.
/// </summary>
public static class ServerRefusal
{
    private static readonly (int Status, string Reason, string Detail)[] Refusals =
    [
        (400, "Bad Request", "The request line or a header is malformed (for example a NUL or another control character in the address, or a header without a colon); it was refused before it was read."),
        (414, "URI Too Long", "The address is longer than the server accepts."),
        (431, "Request Header Fields Too Large", "The request's headers are larger than the server accepts."),
    ];

    private static readonly byte[] Blank = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] Closing = "\r\nConnection: close\r\n"u8.ToArray();

    /// <summary>The problem answer to send instead of <paramref name="written"/>, or null when it is not a bare refusal.</summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        // A bare refusal is a whole, small header block: status line, a few headers, the blank line, nothing after.
        if (written.Length > 512 || !written.EndsWith(Blank) || written.IndexOf(EmptyBody) < 0 || written.IndexOf(Closing) < 0) return null;
        if (!written.StartsWith("HTTP/1.1 "u8) && !written.StartsWith("HTTP/1.0 "u8)) return null;
        foreach (var (status, reason, detail) in Refusals)
        {
            if (!written[9..].StartsWith(Encoding.ASCII.GetBytes($"{status} {reason}\r\n"))) continue;
            return Answer(Encoding.ASCII.GetString(written[..(written.Length - 2)]), status, detail);
        }

        return null;
    }

    private static byte[] Answer(string headersWithoutBlankLine, int status, string detail)
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
        {
            type = $"https://tools.ietf.org/html/rfc9110#section-15.5.{status switch { 414 => 15, 431 => 0, _ => 1 }}",
            title = "The request is not valid.",
            status,
            detail,
            errors = new Dictionary<string, string[]> { ["request"] = [detail] },
        }));
        var headers = headersWithoutBlankLine
            .Replace("\r\nContent-Length: 0\r\n", "\r\nContent-Type: application/problem+json\r\nContent-Length: " + body.Length + "\r\n", StringComparison.Ordinal)
            + "X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Frame-Options: DENY\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(headers), .. body];
    }
}

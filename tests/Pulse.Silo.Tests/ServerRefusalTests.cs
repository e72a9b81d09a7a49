using System.Text;
using System.Text.Json.Nodes;
using Pulse.Silo.Problems;

namespace Pulse.Silo.Tests;

public sealed class ServerRefusalTests
{
    private const string BareRefusal = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Wed, 02 Dec 2026 12:00:00 GMT\r\n\r\n";

    [Fact]
    public void A_bare_refusal_becomes_a_problem_document_with_the_same_status_and_date()
    {
        var answer = Encoding.UTF8.GetString(ServerRefusal.Rewrite(Encoding.ASCII.GetBytes(BareRefusal))!);
        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = answer[..split];
        var body = answer[(split + 4)..];
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", headers, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", headers, StringComparison.Ordinal);
        Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}", headers, StringComparison.Ordinal);
        Assert.Contains("Date: Wed, 02 Dec 2026 12:00:00 GMT", headers, StringComparison.Ordinal);
        Assert.Contains("Connection: close", headers, StringComparison.Ordinal);
        Assert.Equal(400, JsonNode.Parse(body)!["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("HTTP/1.1 414 URI Too Long\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 414)]
    [InlineData("HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 431)]
    public void Other_refusals_before_reading_keep_their_status(string refusal, int status)
    {
        var answer = Encoding.UTF8.GetString(ServerRefusal.Rewrite(Encoding.ASCII.GetBytes(refusal))!);
        Assert.Equal(status, JsonNode.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: 80\r\n\r\n")] // the app's own problem
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nDate: Wed, 02 Dec 2026 12:00:00 GMT\r\n\r\n")] // kept alive: not a refusal
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n{}")] // something follows the headers
    [InlineData("{\"status\":400}")]
    public void Anything_else_passes_untouched(string written) =>
        Assert.Null(ServerRefusal.Rewrite(Encoding.UTF8.GetBytes(written)));
}

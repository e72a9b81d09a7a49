using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Pulse.Integration.Tests;

/// <summary>
/// Requests Kestrel refuses before any middleware runs (a NUL in the address, a broken header) still get a problem
/// document, on a real Kestrel server: the in-memory test server never parses a request line.
/// </summary>
public sealed class MalformedRequestTests
{
    [Fact]
    public async Task Requests_the_server_refuses_before_reading_get_problem_documents_and_other_answers_pass_untouched()
    {
        var cancel = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "pulse-malformed", Guid.NewGuid().ToString("N"));
        await using var silo = await SiloProcess.StartAsync(directory);

        var nul = await ExchangeAsync(silo.Address, "GET /api/v1/employees/B001%00/performance HTTP/1.1\r\nHost: localhost\r\n\r\n", cancel);
        AssertProblem(nul, 400);

        var colonless = await ExchangeAsync(silo.Address, "GET /api/v1/overview HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n", cancel);
        AssertProblem(colonless, 400);

        // On a kept-alive connection the good answer comes through as written, then the refusal as a problem.
        var both = await ExchangeAsync(silo.Address,
            "GET /openapi/v1.json HTTP/1.1\r\nHost: localhost\r\n\r\nGET /api/v1/employees/B001%00/performance HTTP/1.1\r\nHost: localhost\r\n\r\n", cancel);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", both, StringComparison.Ordinal);
        Assert.Contains("\"openapi\"", both, StringComparison.Ordinal);
        AssertProblem(both[both.LastIndexOf("HTTP/1.1 ", StringComparison.Ordinal)..], 400);
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private static void AssertProblem(string answer, int status)
    {
        Assert.StartsWith($"HTTP/1.1 {status} ", answer, StringComparison.Ordinal);
        var split = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = answer[..split];
        Assert.Contains("Content-Type: application/problem+json", headers, StringComparison.Ordinal);
        Assert.Contains("X-Content-Type-Options: nosniff", headers, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nServer:", headers, StringComparison.OrdinalIgnoreCase);
        var problem = JsonNode.Parse(answer[(split + 4)..])!;
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]!.GetValue<string>()));
        Assert.NotNull(problem["errors"]!["request"]);
    }

    /// <summary>Sends raw bytes and reads until the server closes the connection (it does after a refusal).</summary>
    private static async Task<string> ExchangeAsync(Uri address, string request, CancellationToken cancel)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port, cancel);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, timeout.Token);
        return Encoding.UTF8.GetString(answer.ToArray());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Pulse.Silo.Demo;

namespace Pulse.Integration.Tests;

/// <summary>
/// A silo that cannot start safely says why in one line and exits non-zero, before it touches any file or port: a
/// second silo on the same data folder would corrupt the first one's grain state.
/// </summary>
public sealed class StartupRefusalTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_second_silo_on_the_same_data_folder_refuses_to_start_and_the_first_keeps_serving()
    {
        var cancel = TestContext.Current.CancellationToken;
        var directory = Path.Combine(Path.GetTempPath(), "pulse-lock", Guid.NewGuid().ToString("N"));
        await using var first = await SiloProcess.StartAsync(directory, TenantSetup.Settings());
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Pulse.Silo.Hosting.ApiSetup.Configure(json);
        var (hrToken, keyToken) = await TenantSetup.CreateAsync(first, "locked", DemoCompany.Document(10), json, cancel);

        // Its own HTTP and Orleans ports, so the only thing it shares with the first is the folder.
        var (exitCode, output) = await SiloProcess.RunUntilExitAsync(directory, TenantSetup.Settings(), httpPort: null, Within);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output, l => l.Length > 0);
        Assert.StartsWith($"Pulse cannot start: its data folder {directory} is in use by another Pulse process", line, StringComparison.Ordinal);

        using var hr = first.WithBearer(hrToken);
        using var ingest = first.WithKey(keyToken);
        var events = new JsonArray(new JsonObject
        {
            ["id"] = "after-refusal-1", ["type"] = "loan.disbursed", ["employeeId"] = "B001",
            ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"), ["data"] = new JsonObject { ["amount"] = 1000 },
        });
        using (var posted = await ingest.PostAsJsonAsync("/api/v1/events", events, cancel)) Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using var scorecard = await hr.GetAsync("/api/v1/employees/B001/performance", cancel);
        Assert.Equal(HttpStatusCode.OK, scorecard.StatusCode);
    }

    [Fact]
    public async Task A_silo_whose_http_port_is_taken_says_so_in_one_line_and_exits_non_zero()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-port", Guid.NewGuid().ToString("N"));
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;

            var (exitCode, output) = await SiloProcess.RunUntilExitAsync(directory, TenantSetup.Settings(), port, Within);

            Assert.NotEqual(0, exitCode);
            var line = Assert.Single(output, l => l.Length > 0);
            Assert.StartsWith($"Pulse cannot start: port {port} on 127.0.0.1 (--urls) is already in use", line, StringComparison.Ordinal);
        }
        finally
        {
            taken.Stop();
        }
    }
}

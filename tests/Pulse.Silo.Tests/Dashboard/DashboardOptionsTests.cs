using Microsoft.Extensions.Options;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Dashboard;

/// <summary>The push interval is checked when the silo starts, not when the first push is due.</summary>
public sealed class DashboardOptionsTests
{
    [Theory]
    [InlineData("00:00:30")]
    [InlineData("00:00:00")]
    [InlineData("200")] // read as 200 days, not milliseconds
    public async Task A_push_interval_out_of_range_stops_the_start(string value)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        await using var app = new PulseApp(directory, new Dictionary<string, string> { ["Pulse:Dashboard:PushInterval"] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains("PushInterval", validation.Message, StringComparison.Ordinal);
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

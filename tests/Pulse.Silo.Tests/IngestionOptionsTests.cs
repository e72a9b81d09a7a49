using Microsoft.Extensions.Options;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

/// <summary>The plausibility window is checked when the silo starts, not when the first event arrives.</summary>
public sealed class IngestionOptionsTests
{
    [Theory]
    [InlineData("Pulse:Ingestion:MaxFutureSkew", "40.00:00:00")]
    [InlineData("Pulse:Ingestion:MaxFutureSkew", "-01:00:00")]
    [InlineData("Pulse:Ingestion:HistoryStart", "1969-12-31T00:00:00Z")]
    [InlineData("Pulse:Ingestion:HistoryStart", "2999-01-01T00:00:00Z")]
    public async Task A_window_out_of_range_stops_the_start(string key, string value)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        await using var app = new PulseApp(directory, new Dictionary<string, string> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(key.Split(':')[^1], validation.Message, StringComparison.Ordinal);
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

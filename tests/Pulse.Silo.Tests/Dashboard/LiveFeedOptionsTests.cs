using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pulse.Live;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Dashboard;

/// <summary>The live feed's timings come from configuration (<c>Pulse:LiveFeed</c>) and are checked when the silo starts.</summary>
public sealed class LiveFeedOptionsTests
{
    [Fact]
    public async Task A_configured_score_window_reaches_the_live_feed()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        await using var app = new PulseApp(directory, new Dictionary<string, string> { ["Pulse:LiveFeed:ScoreWindowMilliseconds"] = "20" });

        Assert.Equal(20, app.Services.GetRequiredService<IOptions<LiveFeedOptions>>().Value.ScoreWindowMilliseconds);
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_score_window_out_of_range_stops_the_start()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        await using var app = new PulseApp(directory, new Dictionary<string, string> { ["Pulse:LiveFeed:ScoreWindowMilliseconds"] = "0" });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains("ScoreWindowMilliseconds", validation.Message, StringComparison.Ordinal);
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

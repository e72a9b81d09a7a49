using Microsoft.Extensions.DependencyInjection;
using Pulse.Reviews;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>A silo of its own whose clock the tests move (every grain, hosted service and token reads it, and Orleans too).</summary>
public sealed class CycleClock : IAsyncDisposable
{
    public CycleClock(DateTimeOffset start, string? dataDirectory = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        Clock = new JumpingClock(start);
        App = new PulseApp(dataDirectory ?? Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N")), settings,
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // Orleans reads the same clock: days jumped at once would look like a silo that stopped answering.
                services.Configure<Orleans.Configuration.ClusterMembershipOptions>(o => o.LivenessEnabled = false);
            });
        _ = App.Server;
    }

    public JumpingClock Clock { get; }

    public PulseApp App { get; }

    public CycleOpener Opener => App.Services.GetRequiredService<CycleOpener>();

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Moves the clock forward to <paramref name="at"/> (never back).</summary>
    public void MoveTo(DateTimeOffset at) => Clock.JumpTo(at);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

using Microsoft.Extensions.DependencyInjection;
using Pulse.Bot.Turns;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.DirectLine;

/// <summary>A silo of its own whose Direct Line tokens live two seconds and whose bot always fails.</summary>
public sealed class ShortTokenApp : IAsyncLifetime
{
    public PulseApp App { get; } = new(
        Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N")),
        new Dictionary<string, string> { ["Pulse:Bot:DirectLine:TokenLifetime"] = "00:00:02" },
        s => s.AddSingleton<IBotTurnHandler, BrokenBot>());

    public ValueTask InitializeAsync()
    {
        _ = App.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try { Directory.Delete(App.DataDirectory, recursive: true); } catch (IOException) { }
    }
}

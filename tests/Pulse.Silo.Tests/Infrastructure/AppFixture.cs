[assembly: AssemblyFixture(typeof(Pulse.Silo.Tests.Infrastructure.AppFixture))]

namespace Pulse.Silo.Tests.Infrastructure;

/// <summary>One silo for the test run; every test works in a tenant of its own, so tests never see each other.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public PulseApp App { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = App.Server; // start the host now, not inside the first test's timeout
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try { Directory.Delete(App.DataDirectory, recursive: true); } catch (IOException) { }
    }
}

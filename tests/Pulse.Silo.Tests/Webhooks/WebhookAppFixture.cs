using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Webhooks;

/// <summary>
/// A silo whose webhooks may post plain HTTP to loopback and retry after milliseconds instead of seconds, and a local
/// receiver standing in for the chat tools. Every test works in a tenant and on receiver paths of its own.
/// </summary>
public sealed class WebhookAppFixture : IAsyncLifetime
{
    public PulseApp App { get; } = new(Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N")), new Dictionary<string, string>
    {
        ["Pulse:Bot:Webhooks:AllowInsecureLoopback"] = "true",
        ["Pulse:Bot:Webhooks:FirstRetryDelayMilliseconds"] = "20",
        ["Pulse:Bot:Webhooks:MaxRetryDelayMilliseconds"] = "100",
        ["Pulse:Bot:Webhooks:TimeoutMilliseconds"] = "3000",
    });

    public WebhookReceiver Receiver { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _ = App.Server;
        Receiver = await WebhookReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await App.DisposeAsync();
        try { Directory.Delete(App.DataDirectory, recursive: true); } catch (IOException) { }
    }
}

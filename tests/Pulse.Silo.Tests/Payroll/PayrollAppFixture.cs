using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Payroll;

/// <summary>
/// A silo whose payroll push may post plain HTTP to loopback and retries after milliseconds instead of seconds, and a
/// local payroll stand-in. Every test works in a tenant and on a receiver path of its own.
/// </summary>
public sealed class PayrollAppFixture : IAsyncLifetime
{
    public PulseApp App { get; } = new(Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N")), new Dictionary<string, string>
    {
        ["Pulse:Payroll:AllowInsecureLoopback"] = "true",
        ["Pulse:Payroll:FirstRetryDelayMilliseconds"] = "20",
        ["Pulse:Payroll:MaxRetryDelayMilliseconds"] = "100",
        ["Pulse:Payroll:TimeoutMilliseconds"] = "3000",
        ["Pulse:Payroll:MaxAttempts"] = "4",
        ["Pulse:Payroll:BatchSize"] = "50",
    });

    public PayrollReceiver Receiver { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _ = App.Server;
        Receiver = await PayrollReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await App.DisposeAsync();
        try { Directory.Delete(App.DataDirectory, recursive: true); } catch (IOException) { }
    }
}

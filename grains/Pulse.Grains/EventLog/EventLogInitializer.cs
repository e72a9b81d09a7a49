using Microsoft.Extensions.Hosting;

namespace Pulse.EventLog;

/// <summary>Creates the log's schema at start, so a bad connection or path stops the host instead of the first append.</summary>
internal sealed class EventLogInitializer(IEventLog log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => log.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

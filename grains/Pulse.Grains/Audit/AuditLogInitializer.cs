using Microsoft.Extensions.Hosting;

namespace Pulse.Audit;

/// <summary>Creates the audit schema at start, so a bad connection or path stops the host instead of the first change.</summary>
internal sealed class AuditLogInitializer(IAuditLog log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => log.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.Extensions.Hosting;

namespace Pulse.Reviews;

/// <summary>Creates the archive's schema at start, so a bad connection or path stops the host instead of the first approval.</summary>
internal sealed class ReviewArchiveInitializer(IReviewArchive archive) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => archive.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

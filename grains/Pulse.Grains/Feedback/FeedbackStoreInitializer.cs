using Microsoft.Extensions.Hosting;

namespace Pulse.Feedback;

/// <summary>Creates the feedback schema at start, so a bad connection or path stops the host instead of the first feedback.</summary>
internal sealed class FeedbackStoreInitializer(IFeedbackStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

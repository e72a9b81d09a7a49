using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pulse.Grains;

namespace Pulse.WebDashboard.Hub;

/// <summary>
/// Keeps the broadcaster subscribed to the cluster's live-feed registry: subscribes at start, renews well within the
/// registry's period (a process that stops renewing is dropped), retries soon after a failure, unsubscribes on stop.
/// </summary>
public sealed partial class LiveFeedSubscription(
    IGrainFactory grains,
    DashboardBroadcaster broadcaster,
    TimeProvider clock,
    ILogger<LiveFeedSubscription> logger) : BackgroundService
{
    /// <summary>How often the subscription is renewed; the registry drops an observer after three missed periods.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private ILiveFeedObserver? _reference;

    private ILiveFeedRegistryGrain Registry => grains.GetGrain<ILiveFeedRegistryGrain>(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<ILiveFeedObserver>(broadcaster);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = RenewEvery;
            try
            {
                await Registry.SubscribeAsync(_reference);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSubscribeFailed(logger, e);
                wait = RetryAfter;
            }
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is null) return;
        try
        {
            await Registry.UnsubscribeAsync(_reference).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The registry drops an observer that stops renewing; this only makes it sooner.
            LogUnsubscribeFailed(logger, e);
        }
        grains.DeleteObjectReference<ILiveFeedObserver>(broadcaster);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing the dashboard to the live feed failed; retrying shortly.")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsubscribing the dashboard from the live feed failed at stop; the registry drops it when it stops renewing.")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pulse.Grains;

namespace Pulse.Live;

/// <summary>
/// Keeps one process's <see cref="ILiveFeedObserver"/> (the dashboard's broadcaster, the chat bot's notice inbox)
/// subscribed to the cluster's live-feed registry: subscribes at start, renews every <see cref="LiveFeedTimings.RenewEvery"/>
/// (the registry drops a process that misses three renewals), retries soon after a failure, unsubscribes on stop.
/// </summary>
/// <param name="subscriber">Who subscribes, for the log ("the dashboard").</param>
public abstract partial class LiveFeedSubscriber(
    IGrainFactory grains,
    ILiveFeedObserver observer,
    string subscriber,
    TimeProvider clock,
    ILogger logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private ILiveFeedObserver? _reference;

    private ILiveFeedRegistryGrain Registry => grains.GetGrain<ILiveFeedRegistryGrain>(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<ILiveFeedObserver>(observer);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = LiveFeedTimings.RenewEvery;
            try
            {
                await Registry.SubscribeAsync(_reference);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSubscribeFailed(logger, subscriber, e);
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
            LogUnsubscribeFailed(logger, subscriber, e);
        }
        try
        {
            grains.DeleteObjectReference<ILiveFeedObserver>(_reference);
        }
        catch (ArgumentException)
        {
            // Already released by the runtime stopping first; nothing is left to release.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing {Subscriber} to the live feed failed; retrying shortly.")]
    private static partial void LogSubscribeFailed(ILogger logger, string subscriber, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsubscribing {Subscriber} from the live feed failed at stop; the registry drops it when it stops renewing.")]
    private static partial void LogUnsubscribeFailed(ILogger logger, string subscriber, Exception exception);
}

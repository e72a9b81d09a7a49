using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using Pulse.Grains;

namespace Pulse.Live;

/// <summary>
/// The cluster's list of live-feed observers, in memory: if the grain is lost, every subscriber is back within one
/// renewal. It stays active while anyone is subscribed, so the silos' feeds never read an empty list from a fresh activation.
/// </summary>
public sealed partial class LiveFeedRegistryGrain(IOptions<LiveFeedOptions> options, TimeProvider clock, ILogger<LiveFeedRegistryGrain> logger)
    : Grain, ILiveFeedRegistryGrain
{
    private readonly ObserverManager<ILiveFeedObserver> _observers = new(options.Value.SubscriberExpiry, logger)
    {
        GetDateTime = () => clock.GetUtcNow().UtcDateTime,
    };

    public Task SubscribeAsync(ILiveFeedObserver observer)
    {
        var before = _observers.Count;
        _observers.Subscribe(observer, observer);
        if (_observers.Count != before) LogSubscribed(logger, _observers.Count);
        KeepAliveWhileSubscribed();
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ILiveFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        KeepAliveWhileSubscribed();
        return Task.CompletedTask;
    }

    public Task<ILiveFeedObserver[]> GetSubscribersAsync()
    {
        var before = _observers.Count;
        _observers.ClearExpired();
        if (_observers.Count != before) LogExpired(logger, before - _observers.Count, _observers.Count);
        KeepAliveWhileSubscribed();
        return Task.FromResult(_observers.ToArray());
    }

    private void KeepAliveWhileSubscribed() => DelayDeactivation(_observers.Count > 0 ? Timeout.InfiniteTimeSpan : TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live feed observer subscribed; {Count} subscribed")]
    private static partial void LogSubscribed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Dropped} live feed observers not renewed in time; {Count} subscribed")]
    private static partial void LogExpired(ILogger logger, int dropped, int count);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using Pulse.Grains;

namespace Pulse.Live;

/// <summary>
/// The cluster's list of live-feed observers, in memory: if the grain is lost, every subscriber is back within one
/// renewal. It stays active while anyone is subscribed, so the silos' feeds never read an empty list from a fresh activation.
/// Every silo's feed reads it every few seconds, so a silence longer than the expiry means the clock jumped (a paused
/// machine or virtual machine) rather than that every subscriber died: then each is given a fresh expiry instead of
/// being dropped, since none had a chance to renew, and notices published in the first moments after the pause still
/// reach them. A subscriber that really died is dropped one expiry later.
/// </summary>
public sealed partial class LiveFeedRegistryGrain(IOptions<LiveFeedOptions> options, TimeProvider clock, ILogger<LiveFeedRegistryGrain> logger)
    : Grain, ILiveFeedRegistryGrain
{
    private readonly ObserverManager<ILiveFeedObserver> _observers = new(options.Value.SubscriberExpiry, logger)
    {
        GetDateTime = () => clock.GetUtcNow().UtcDateTime,
    };

    private DateTimeOffset _lastCall = clock.GetUtcNow();

    public Task SubscribeAsync(ILiveFeedObserver observer)
    {
        ForgiveAPause();
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
        ForgiveAPause();
        var before = _observers.Count;
        _observers.ClearExpired();
        if (_observers.Count != before) LogExpired(logger, before - _observers.Count, _observers.Count);
        KeepAliveWhileSubscribed();
        return Task.FromResult(_observers.ToArray());
    }

    private void ForgiveAPause()
    {
        var now = clock.GetUtcNow();
        var silence = now - _lastCall;
        _lastCall = now;
        if (silence <= options.Value.SubscriberExpiry || _observers.Count == 0) return;
        foreach (var (identity, observer) in _observers.Observers.ToArray()) _observers.Subscribe(identity, observer);
        LogPauseForgiven(logger, silence, _observers.Count);
    }

    private void KeepAliveWhileSubscribed() => DelayDeactivation(_observers.Count > 0 ? Timeout.InfiniteTimeSpan : TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live feed observer subscribed; {Count} subscribed")]
    private static partial void LogSubscribed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed registry heard nothing for {Silence}: a clock jump or a pause; its {Count} subscribers get a fresh expiry")]
    private static partial void LogPauseForgiven(ILogger logger, TimeSpan silence, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Dropped} live feed observers not renewed in time; {Count} subscribed")]
    private static partial void LogExpired(ILogger logger, int dropped, int count);
}

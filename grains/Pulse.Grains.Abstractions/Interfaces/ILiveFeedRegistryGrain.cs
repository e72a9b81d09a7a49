namespace Pulse.Grains;

/// <summary>
/// The cluster's list of live-feed observers (one grain, key 0). Observers subscribe again within
/// <see cref="Live.LiveFeedTimings.RenewEvery"/>; one that has not renewed for three periods (its process died) is dropped.
/// </summary>
[Alias("pulse.grain.live-feed-registry")]
public interface ILiveFeedRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds the observer, or renews it.</summary>
    [Alias("subscribe")]
    Task SubscribeAsync(ILiveFeedObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(ILiveFeedObserver observer);

    [Alias("subscribers")]
    Task<ILiveFeedObserver[]> GetSubscribersAsync();
}

namespace Pulse.Live;

/// <summary>The live feed's subscription rhythm, shared by the registry and every subscriber.</summary>
public static class LiveFeedTimings
{
    /// <summary>How often a subscriber calls <c>ILiveFeedRegistryGrain.SubscribeAsync</c> again to stay subscribed.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    /// <summary>A subscriber not renewed for this long (three renewals missed: its process died) is dropped.</summary>
    public static readonly TimeSpan Expiry = RenewEvery * 3;
}

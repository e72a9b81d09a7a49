using Pulse.Grains;
using Pulse.Live;

namespace Pulse.Tests.Chat;

/// <summary>
/// The live-feed registry after a clock jump (a paused machine): its subscribers had no chance to renew, so they are
/// kept for one more expiry rather than dropped; one that then stays silent is dropped. Runs on the chat cluster, whose
/// clock the tests move.
/// </summary>
[Collection(ChatClusterCollection.Name)]
public sealed class LiveFeedRegistryPauseTests(ChatClusterFixture fixture)
{
    [Fact]
    public async Task A_jump_past_the_expiry_keeps_the_subscribers_and_one_that_stays_silent_is_dropped_an_expiry_later()
    {
        var registry = fixture.Grains.GetGrain<ILiveFeedRegistryGrain>(0);
        var observer = fixture.Cluster.Client.CreateObjectReference<ILiveFeedObserver>(new SilentObserver());
        await registry.SubscribeAsync(observer);
        Assert.Contains(observer, await registry.GetSubscribersAsync());

        fixture.Clock.Advance(LiveFeedTimings.Expiry * 10);
        Assert.Contains(observer, await registry.GetSubscribersAsync());

        // Now the registry is heard from often (as every silo's feed reads it every few seconds): silence counts.
        var step = LiveFeedTimings.Expiry * 0.6;
        fixture.Clock.Advance(step);
        Assert.Contains(observer, await registry.GetSubscribersAsync());
        fixture.Clock.Advance(step);
        Assert.DoesNotContain(observer, await registry.GetSubscribersAsync());
    }

    private sealed class SilentObserver : ILiveFeedObserver
    {
        public Task OnBatchAsync(LiveBatch batch) => Task.CompletedTask;
    }
}

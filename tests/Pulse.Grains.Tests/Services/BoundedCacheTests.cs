using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;
using Pulse.Services;

namespace Pulse.Grains.Tests.Services;

public sealed class BoundedCacheTests
{
    [Fact]
    public void Never_holds_more_entries_than_its_capacity()
    {
        var clock = new FakeTimeProvider();
        using var cache = BoundedCache.Create(100, clock);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Set($"tenant-{i}", i, BoundedCache.Until(clock.GetUtcNow().AddHours(1)));
            Assert.InRange(cache.Count, 1, 100);
        }
    }

    [Fact]
    public void An_entry_expires_at_its_time_on_the_given_clock()
    {
        var clock = new FakeTimeProvider();
        using var cache = BoundedCache.Create(10, clock);
        cache.Set("key", "value", BoundedCache.Until(clock.GetUtcNow().AddSeconds(5)));

        clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.True(cache.TryGetValue("key", out _));

        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(cache.TryGetValue("key", out _));
    }

    [Fact]
    public void An_entry_kept_while_used_goes_after_being_idle()
    {
        var clock = new FakeTimeProvider();
        using var cache = BoundedCache.Create(10, clock);
        cache.Set("key", "value", BoundedCache.WhileUsed(TimeSpan.FromMinutes(10)));

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(9));
            Assert.True(cache.TryGetValue("key", out _));
        }

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(cache.TryGetValue("key", out _));
    }
}

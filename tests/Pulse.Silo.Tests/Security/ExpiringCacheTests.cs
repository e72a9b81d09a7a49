using Microsoft.Extensions.Time.Testing;
using Pulse.Silo.Security;

namespace Pulse.Silo.Tests.Security;

public sealed class ExpiringCacheTests
{
    private static readonly TimeSpan MaxAge = AccountCache.MaxAge;

    [Fact]
    public async Task A_value_is_read_once_and_served_from_memory_until_it_is_max_age_old()
    {
        var clock = new FakeTimeProvider();
        using var cache = new ExpiringCache<string, string>(MaxAge, clock);
        var source = new Source();

        Assert.Equal("alice:v1", await cache.GetAsync("alice", source.Load));
        source.Version = 2;
        clock.Advance(MaxAge - TimeSpan.FromTicks(1));
        Assert.Equal("alice:v1", await cache.GetAsync("alice", source.Load));
        Assert.Equal(1, source.Reads);

        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal("alice:v2", await cache.GetAsync("alice", source.Load));
        Assert.Equal(2, source.Reads);
    }

    [Fact]
    public async Task Max_age_counts_from_before_a_slow_read()
    {
        var clock = new FakeTimeProvider();
        using var cache = new ExpiringCache<string, string>(MaxAge, clock);
        var source = new Source { OnRead = () => clock.Advance(TimeSpan.FromSeconds(3)) };

        await cache.GetAsync("alice", source.Load);
        source.OnRead = null;
        clock.Advance(MaxAge - TimeSpan.FromSeconds(3));

        await cache.GetAsync("alice", source.Load);
        Assert.Equal(2, source.Reads);
    }

    [Fact]
    public async Task A_miss_is_kept_too()
    {
        var clock = new FakeTimeProvider();
        using var cache = new ExpiringCache<string, string?>(MaxAge, clock);
        var reads = 0;

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await cache.GetAsync("nobody", _ => { reads++; return Task.FromResult<string?>(null); }));
        }

        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Invalidate_makes_the_next_read_fetch_again()
    {
        var clock = new FakeTimeProvider();
        using var cache = new ExpiringCache<string, string>(MaxAge, clock);
        var source = new Source();
        await cache.GetAsync("alice", source.Load);
        source.Version = 2;

        cache.Invalidate("alice");

        Assert.Equal("alice:v2", await cache.GetAsync("alice", source.Load));
    }

    [Fact]
    public async Task Many_keys_never_hold_more_than_the_capacity_and_every_read_answers_right()
    {
        var clock = new FakeTimeProvider();
        using var cache = new ExpiringCache<(string Tenant, string User), string>(MaxAge, clock, capacity: 50);

        for (var i = 0; i < 2_000; i++)
        {
            var key = ($"tenant-{i % 7}", $"user-{i}");
            Assert.Equal($"{key.Item1}/{key.Item2}", await cache.GetAsync(key, k => Task.FromResult($"{k.Tenant}/{k.User}")));
            Assert.InRange(cache.Count, 0, 50);
        }
    }

    private sealed class Source
    {
        public int Version { get; set; } = 1;
        public int Reads { get; private set; }
        public Action? OnRead { get; set; }

        public Task<string> Load(string key)
        {
            Reads++;
            OnRead?.Invoke();
            return Task.FromResult($"{key}:v{Version}");
        }
    }
}

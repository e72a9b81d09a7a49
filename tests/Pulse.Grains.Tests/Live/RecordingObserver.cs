using System.Collections.Concurrent;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Tests.Grains;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.Live;

/// <summary>
/// A live-feed subscriber in the test cluster's client, as the dashboard is one: it subscribes, renews like a real
/// subscriber (unless told to stay silent) and records every batch it receives.
/// </summary>
internal sealed class RecordingObserver : ILiveFeedObserver, IAsyncDisposable
{
    private readonly ConcurrentQueue<LiveBatch> _batches = new();
    private readonly ClusterFixture _fixture;
    private readonly CancellationTokenSource _stop = new();
    private Task _renewing = Task.CompletedTask;

    private RecordingObserver(ClusterFixture fixture)
    {
        _fixture = fixture;
        Reference = fixture.Cluster.Client.CreateObjectReference<ILiveFeedObserver>(this);
    }

    public ILiveFeedObserver Reference { get; }

    public IReadOnlyCollection<LiveBatch> Batches => _batches;

    private ILiveFeedRegistryGrain Registry => _fixture.Cluster.Client.GetGrain<ILiveFeedRegistryGrain>(0);

    /// <summary>Subscribes, and makes sure the silo's feed knows the subscriber before returning.</summary>
    public static async Task<RecordingObserver> SubscribeAsync(ClusterFixture fixture, bool renew = true)
    {
        var observer = new RecordingObserver(fixture);
        await observer.Registry.SubscribeAsync(observer.Reference);
        await fixture.SiloService<LiveFeed>().RefreshSubscribersAsync();
        if (renew) observer._renewing = observer.RenewAsync();
        return observer;
    }

    public Task OnBatchAsync(LiveBatch batch)
    {
        _batches.Enqueue(batch);
        return Task.CompletedTask;
    }

    /// <summary>Waits until the batches received so far satisfy <paramref name="condition"/>.</summary>
    public Task<LiveBatch[]> WaitForAsync(Func<LiveBatch[], bool> condition) =>
        Eventually.ReadAsync(() => Task.FromResult(_batches.ToArray()), condition);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        await Registry.UnsubscribeAsync(Reference);
        _fixture.Cluster.Client.DeleteObjectReference<ILiveFeedObserver>(Reference);
        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        using var timer = new PeriodicTimer(ClusterFixture.SubscriberExpiry / 4);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) await Registry.SubscribeAsync(Reference);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

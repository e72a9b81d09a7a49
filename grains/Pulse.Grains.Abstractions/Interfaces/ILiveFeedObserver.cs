using Orleans.Concurrency;
using Pulse.Live;

namespace Pulse.Grains;

/// <summary>
/// A per-process receiver of the live feed (the dashboard's broadcaster, the bot's alert relay). Every silo's feed
/// sends its batches to every subscribed observer, so an observer on any silo or client sees every change.
/// </summary>
[Alias("pulse.live.observer")]
public interface ILiveFeedObserver : IGrainObserver
{
    [OneWay, Alias("batch")]
    Task OnBatchAsync(LiveBatch batch);
}

using System.Diagnostics.Metrics;

namespace Pulse.Live;

/// <summary>The live feed's instruments (meter <c>Pulse.LiveFeed</c>): batches sent, lines per batch, items dropped.</summary>
internal static class LiveFeedMetrics
{
    public const string MeterName = "Pulse.LiveFeed";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Batches = Meter.CreateCounter<long>(
        "pulse.livefeed.batches", "{batch}", "Batches this silo sent to the subscribers (one count per batch, not per subscriber)");

    public static readonly Histogram<int> BatchItems = Meter.CreateHistogram<int>(
        "pulse.livefeed.batch.items", "{item}", "Lines, alerts and feedback items carried by one batch");

    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>(
        "pulse.livefeed.dropped", "{item}", "Alerts or feedback items dropped, oldest first, because the queue was full");
}

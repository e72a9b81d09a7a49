using System.Globalization;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Ingestion;

/// <summary>
/// When an event may plausibly have happened: not before the history start, not further ahead of now than the
/// allowed skew. A date outside it is a sender's mistake (a wrong year, a zero date) that would open a month nobody reads.
/// </summary>
public readonly record struct OccurrenceWindow(DateTimeOffset Earliest, DateTimeOffset Latest)
{
    public static OccurrenceWindow At(DateTimeOffset now, IngestionOptions options) =>
        new(options.HistoryStart, now + options.MaxFutureSkew);

    /// <summary>Why <paramref name="occurredAt"/> is refused, or null when it lies in the window.</summary>
    public string? Refusal(DateTimeOffset occurredAt)
    {
        if (occurredAt < Earliest) return $"must not be before {Earliest.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)} (the history start)";
        if (occurredAt > Latest) return $"must not be later than {Latest.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)} (now plus the allowed clock skew)";
        return null;
    }
}

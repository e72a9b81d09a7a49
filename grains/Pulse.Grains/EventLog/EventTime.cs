using System.Globalization;

namespace Pulse.EventLog;

/// <summary>
/// Text form of timestamps in the log. ISO-8601 round-trip ("O") keeps every tick and the sender's offset, so a
/// <see cref="DateTimeOffset"/> reads back exactly as it was posted.
/// </summary>
internal static class EventTime
{
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    /// <summary>Now, cut to whole microseconds: the finest step PostgreSQL keeps, so both stores return the same value.</summary>
    public static DateTimeOffset RecordedNow(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}

using NodaTime;
using NodaTime.Text;

namespace Pulse.Scoring;

/// <summary>
/// Reads an ISO 8601 date-time that must carry its offset (<c>2026-11-03T09:30:00+08:00</c>, or <c>Z</c>): a local
/// time without one would fall into the wrong month. Parsed by NodaTime's pattern, so nothing is guessed from the
/// machine's zone or culture.
/// </summary>
public static class OffsetTimeText
{
    // Seconds and offset are required; up to seven fractional digits (a tick); offset 'Z' or ±HH:mm. NodaTime also
    // reads ISO's 24:00:00 as the next day's midnight.
    private static readonly OffsetDateTimePattern Pattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFo<Z+HH:mm>");

    // DateTimeOffset's own limit, narrower than NodaTime's.
    private static readonly Offset MaxOffset = Offset.FromHours(14);

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text)) return false;
        var result = Pattern.Parse(text);
        if (!result.Success) return false;
        var parsed = result.Value;
        if (parsed.Year is < 1 or > 9999 || parsed.Offset > MaxOffset || parsed.Offset < -MaxOffset) return false;

        // Range checked in ticks, so an instant DateTimeOffset cannot hold is refused rather than thrown.
        var local = parsed.LocalDateTime.ToDateTimeUnspecified();
        var offset = parsed.Offset.ToTimeSpan();
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks) return false;
        value = new DateTimeOffset(local, offset);
        return true;
    }
}

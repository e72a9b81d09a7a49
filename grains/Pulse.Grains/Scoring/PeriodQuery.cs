namespace Pulse.Scoring;

/// <summary>
/// A <c>?period=</c> or request period a caller may ask for: <c>yyyy-MM</c> from 1970-01 to 9000-12. Months at the
/// edge of the calendar (0001-01 in a zone east of UTC) have no start instant, so they are refused here, at the door.
/// </summary>
public static class PeriodQuery
{
    public const string Rule = "must be a month as yyyy-MM between 1970-01 and 9000-12, e.g. 2026-10";

    public static bool IsValid(string? period) => Period.TryParse(period, out var year, out _) && year is >= 1970 and <= 9000;
}

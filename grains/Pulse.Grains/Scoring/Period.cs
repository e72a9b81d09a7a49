using System.Globalization;
using NodaTime;

namespace Pulse.Scoring;

/// <summary>
/// A review period is a calendar month in the tenant's time zone, written <c>yyyy-MM</c>.
/// Everything here takes the instant and the zone as parameters so live folds, rebuilds and previews agree.
/// Month arithmetic in the zone is NodaTime's, on the IANA time zone database NodaTime ships (<see cref="TenantZones"/>),
/// so every silo draws the same month boundaries whatever time zone data its machine has.
/// </summary>
public static class Period
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>The period an event belongs to: the month of <paramref name="occurredAt"/> seen from <paramref name="zone"/>.</summary>
    public static string Of(DateTimeOffset occurredAt, TimeZoneInfo zone)
    {
        var local = Instant.FromDateTimeOffset(occurredAt).InZone(TenantZones.Of(zone)).Date;
        return Format(local.Year, local.Month);
    }

    /// <summary>The tenant's zone, or Asia/Shanghai when the id is empty.</summary>
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(timeZoneId) ? DefaultTimeZoneId : timeZoneId);

    public static bool IsValid(string? period) => TryParse(period, out _, out _);

    /// <summary>Accepts exactly <c>yyyy-MM</c> (four-digit year 0001–9999, month 01–12).</summary>
    public static bool TryParse(string? period, out int year, out int month)
    {
        year = 0;
        month = 0;
        if (period is not { Length: 7 } || period[4] != '-')
        {
            return false;
        }

        var span = period.AsSpan();
        if (!AllDigits(span[..4]) || !AllDigits(span[5..]))
        {
            return false;
        }

        year = int.Parse(span[..4], NumberStyles.None, CultureInfo.InvariantCulture);
        month = int.Parse(span[5..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (year is >= 1 and <= 9998 && month is >= 1 and <= 12)
        {
            return true;
        }

        year = 0;
        month = 0;
        return false;
    }

    /// <summary>Parses <c>yyyy-MM</c> or throws <see cref="FormatException"/>.</summary>
    public static (int Year, int Month) Parse(string period) =>
        TryParse(period, out var year, out var month)
            ? (year, month)
            : throw new FormatException($"'{period}' is not a period; expected yyyy-MM.");

    /// <summary>The first instant of the period in <paramref name="zone"/>.</summary>
    public static DateTimeOffset Start(string period, TimeZoneInfo zone)
    {
        var (year, month) = Parse(period);
        return StartOfMonth(year, month, zone);
    }

    /// <summary>The first instant after the period (exclusive end), i.e. the start of the next one.</summary>
    public static DateTimeOffset End(string period, TimeZoneInfo zone) => Start(Next(period), zone);

    /// <summary>How much of the period has passed at <paramref name="at"/>: 0 before it starts, 1 once it has ended.</summary>
    public static decimal ElapsedFraction(string period, DateTimeOffset at, TimeZoneInfo zone)
    {
        var start = Start(period, zone);
        var end = End(period, zone);
        if (at <= start)
        {
            return 0m;
        }

        if (at >= end)
        {
            return 1m;
        }

        // Ticks are integers, so the decimal quotient is exact to 28 digits and the same on every machine.
        return (decimal)(at - start).Ticks / (end - start).Ticks;
    }

    public static string Next(string period)
    {
        var (year, month) = Parse(period);
        return month == 12 ? Format(year + 1, 1) : Format(year, month + 1);
    }

    public static string Previous(string period)
    {
        var (year, month) = Parse(period);
        return month == 1 ? Format(year - 1, 12) : Format(year, month - 1);
    }

    private static DateTimeOffset StartOfMonth(int year, int month, TimeZoneInfo zone)
    {
        // The first instant of the month's first day: where a DST change skips local midnight that is the first local
        // time that exists; where midnight happens twice, the earlier of the two.
        var start = TenantZones.Of(zone).AtStartOfDay(new LocalDate(year, month, 1));
        return TenantZones.ToDateTimeOffset(start);
    }

    private static string Format(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}

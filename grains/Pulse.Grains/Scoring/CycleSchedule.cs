using NodaTime;

namespace Pulse.Scoring;

/// <summary>
/// A monthly cycle's clock in the tenant's zone: it opens on the 1st at local midnight, rating starts at month end
/// (the next 1st), the quantitative values freeze <c>graceDays</c> local days later, and managers still missing
/// ratings are reminded two local days before the freeze (at month end when the grace window is shorter).
/// </summary>
public static class CycleSchedule
{
    public const int ReminderDaysBeforeFreeze = 2;

    public static DateTimeOffset OpensAt(string period, TimeZoneInfo zone) => Period.Start(period, zone);

    public static DateTimeOffset MonthEndsAt(string period, TimeZoneInfo zone) => Period.End(period, zone);

    public static DateTimeOffset FreezesAt(string period, TimeZoneInfo zone, int graceDays) => DaysAfterMonthEnd(period, zone, graceDays);

    public static DateTimeOffset RemindsAt(string period, TimeZoneInfo zone, int graceDays) =>
        DaysAfterMonthEnd(period, zone, Math.Max(0, graceDays - ReminderDaysBeforeFreeze));

    private static DateTimeOffset DaysAfterMonthEnd(string period, TimeZoneInfo zone, int days)
    {
        var (year, month) = Period.Parse(Period.Next(period));
        var day = new LocalDate(year, month, 1).PlusDays(days);
        return TenantZones.ToDateTimeOffset(TenantZones.Of(zone).AtStartOfDay(day));
    }
}

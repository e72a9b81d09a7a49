using FsCheck;
using FsCheck.Xunit;
using Pulse.Scoring;

namespace Pulse.Grains.Tests.Scoring;

/// <summary>Month boundaries where the zone's offset changes: DST at midnight, midnight twice, historic rules, local mean time.</summary>
public sealed class PeriodZoneEdgeTests
{
    private static readonly TimeZoneInfo NewYork = Period.Zone("America/New_York");
    private static readonly TimeZoneInfo Havana = Period.Zone("America/Havana");
    private static readonly TimeZoneInfo London = Period.Zone("Europe/London");
    private static readonly TimeZoneInfo Shanghai = Period.Zone("Asia/Shanghai");

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void New_York_November_starts_at_midnight_daylight_time_on_the_night_the_clocks_go_back()
    {
        // 2026-11-01 is the Sunday DST ends (02:00 EDT → 01:00 EST); midnight is still EDT.
        Assert.Equal(Utc(2026, 11, 1, 4), Period.Start("2026-11", NewYork));
        Assert.Equal(TimeSpan.FromHours(-4), Period.Start("2026-11", NewYork).Offset);
        Assert.Equal("2026-10", Period.Of(Utc(2026, 11, 1, 3, 59, 59), NewYork));
        Assert.Equal("2026-11", Period.Of(Utc(2026, 11, 1, 4), NewYork));
        Assert.Equal(TimeSpan.FromDays(30) + TimeSpan.FromHours(1), Period.End("2026-11", NewYork) - Period.Start("2026-11", NewYork));
        Assert.Equal(TimeSpan.FromDays(31) - TimeSpan.FromHours(1), Period.End("2026-03", NewYork) - Period.Start("2026-03", NewYork));
    }

    [Fact]
    public void Havana_November_starts_at_the_first_of_two_midnights()
    {
        // Cuba ends DST at 01:00 CDT → 00:00 CST, so 2026-11-01 00:00–00:59 happens twice: the month starts at the first.
        Assert.Equal(Utc(2026, 11, 1, 4), Period.Start("2026-11", Havana));
        Assert.Equal("2026-10", Period.Of(Utc(2026, 11, 1, 3, 59, 59), Havana));
        Assert.Equal("2026-11", Period.Of(Utc(2026, 11, 1, 4, 30), Havana));
        Assert.Equal("2026-11", Period.Of(Utc(2026, 11, 1, 5, 30), Havana));
        Assert.Equal(Utc(2026, 10, 1, 4), Period.End("2026-09", Havana));
    }

    [Fact]
    public void Shanghai_June_1940_starts_at_one_o_clock_because_midnight_was_skipped()
    {
        // 1940-06-01 00:00 CST jumped to 01:00 CDT (+09:00): the month starts at the first local time that existed.
        Assert.Equal(Utc(1940, 5, 31, 16), Period.Start("1940-06", Shanghai));
        Assert.Equal(TimeSpan.FromHours(9), Period.Start("1940-06", Shanghai).Offset);
        Assert.Equal("1940-05", Period.Of(Utc(1940, 5, 31, 15, 59, 59), Shanghai));
        Assert.Equal("1940-06", Period.Of(Utc(1940, 5, 31, 16), Shanghai));
    }

    [Fact]
    public void Shanghai_months_in_the_1940s_summer_time_start_an_hour_earlier_than_plus_eight_would_say()
    {
        // Daylight time from 1942-01-31 to 1945-09-01: February 1942 began at 1942-01-31T15:00Z, not 16:00Z.
        Assert.Equal(Utc(1942, 1, 31, 15), Period.Start("1942-02", Shanghai));
        Assert.Equal("1942-02", Period.Of(Utc(1942, 1, 31, 15, 30), Shanghai));
        Assert.Equal(Utc(1945, 8, 31, 15), Period.Start("1945-09", Shanghai));
        Assert.Equal(Utc(1945, 9, 30, 16), Period.End("1945-09", Shanghai));
        Assert.Equal(TimeSpan.FromDays(30) + TimeSpan.FromHours(1), Period.End("1945-09", Shanghai) - Period.Start("1945-09", Shanghai));
    }

    [Fact]
    public void London_on_British_Standard_Time_started_1970_an_hour_before_Greenwich_midnight()
    {
        // From 1968-10-27 to 1971-10-31 the UK kept +01:00 all year.
        Assert.Equal(Utc(1969, 12, 31, 23), Period.Start("1970-01", London));
        Assert.Equal("1970-01", Period.Of(Utc(1969, 12, 31, 23, 30), London));
        Assert.Equal(Utc(2026, 3, 1, 0), Period.Start("2026-03", London));
        Assert.Equal(Utc(2026, 3, 31, 23), Period.Start("2026-04", London));
    }

    [Fact]
    public void A_month_in_local_mean_time_keeps_its_exact_instant()
    {
        // Before 1901 Shanghai kept local mean time, +08:05:43: a DateTimeOffset cannot carry the seconds, so it comes in UTC.
        var start = Period.Start("1900-01", Shanghai);

        Assert.Equal(Utc(1899, 12, 31, 15, 54, 17), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal("1900-01", Period.Of(start, Shanghai));
        Assert.Equal("1899-12", Period.Of(start.AddTicks(-1), Shanghai));
    }

    [Fact]
    public void The_first_and_last_months_answer_without_throwing()
    {
        Assert.Equal(DateTimeOffset.MinValue, Period.Start("0001-01", Shanghai));
        Assert.True(Period.End("9998-11", NewYork) > Period.Start("9998-11", NewYork));
    }

    [Property(MaxTest = 500)]
    public bool Every_instant_lies_inside_the_month_it_belongs_to(int seconds, byte zoneIndex)
    {
        string[] zones = ["America/New_York", "America/Havana", "Europe/London", "Asia/Shanghai", "Australia/Lord_Howe", "America/Sao_Paulo"];
        var zone = Period.Zone(zones[zoneIndex % zones.Length]);
        // Instants from 1902 to 2038, where every zone above has changed its offset at least once.
        var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var period = Period.Of(at, zone);
        return Period.Start(period, zone) <= at && at < Period.End(period, zone);
    }

    [Property]
    public bool Month_after_month_the_periods_tile_time(NonNegativeInt months)
    {
        var period = "1900-01";
        for (var i = 0; i < months.Get % 1_200; i++) period = Period.Next(period);
        return Period.End(period, Shanghai) == Period.Start(Period.Next(period), Shanghai)
            && Period.Start(period, Shanghai) < Period.End(period, Shanghai);
    }
}

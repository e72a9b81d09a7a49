using Pulse.Scoring;

namespace Pulse.Grains.Tests.Scoring;

public sealed class PeriodTests
{
    private static readonly TimeZoneInfo Shanghai = Period.Zone("Asia/Shanghai");

    [Fact]
    public void Evening_of_the_last_day_in_UTC_is_already_next_month_in_Shanghai()
    {
        var occurredAt = DateTimeOffset.Parse("2026-10-31T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("2026-11", Period.Of(occurredAt, Shanghai));
        Assert.Equal("2026-10", Period.Of(occurredAt, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Just_before_midnight_Shanghai_stays_in_the_month()
    {
        var occurredAt = new DateTimeOffset(2026, 10, 31, 15, 59, 59, TimeSpan.Zero);

        Assert.Equal("2026-10", Period.Of(occurredAt, Shanghai));
    }

    [Fact]
    public void Default_zone_is_Shanghai() => Assert.Equal(Shanghai.Id, Period.Zone(null).Id);

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2026-01", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("2026-1", false)]
    [InlineData("26-11", false)]
    [InlineData("2026/11", false)]
    [InlineData("２０２６-11", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_yyyy_MM_is_a_period(string? text, bool valid) => Assert.Equal(valid, Period.IsValid(text));

    [Fact]
    public void Parse_refuses_a_malformed_period() => Assert.Throws<FormatException>(() => Period.Parse("2026-13"));

    [Fact]
    public void Month_bounds_are_local_midnights_in_the_zone()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)), Period.Start("2026-11", Shanghai));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8)), Period.End("2026-11", Shanghai));
        Assert.Equal(DateTimeOffset.Parse("2026-10-31T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Period.Start("2026-11", Shanghai));
    }

    [Fact]
    public void Elapsed_fraction_is_0_before_1_after_and_proportional_between()
    {
        var start = Period.Start("2026-11", Shanghai);

        Assert.Equal(0m, Period.ElapsedFraction("2026-11", start.AddDays(-1), Shanghai));
        Assert.Equal(0m, Period.ElapsedFraction("2026-11", start, Shanghai));
        Assert.Equal(0.5m, Period.ElapsedFraction("2026-11", start.AddDays(15), Shanghai));
        Assert.Equal(1m, Period.ElapsedFraction("2026-11", start.AddDays(30), Shanghai));
        Assert.Equal(1m, Period.ElapsedFraction("2026-11", start.AddDays(45), Shanghai));
    }

    [Theory]
    [InlineData("2026-11", "2026-12", "2026-10")]
    [InlineData("2026-12", "2027-01", "2026-11")]
    [InlineData("2026-01", "2026-02", "2025-12")]
    public void Next_and_previous_cross_year_ends(string period, string next, string previous)
    {
        Assert.Equal(next, Period.Next(period));
        Assert.Equal(previous, Period.Previous(period));
    }
}

using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Pulse.Scoring;

namespace Pulse.Grains.Tests.Scoring;

public sealed class OffsetTimeTextTests
{
    [Theory]
    [InlineData("2026-11-03T09:30:00+08:00", "2026-11-03T01:30:00Z", 8 * 60)]
    [InlineData("2026-11-03T09:30:00Z", "2026-11-03T09:30:00Z", 0)]
    [InlineData("2026-11-03T09:30:00-05:30", "2026-11-03T15:00:00Z", -330)]
    [InlineData("2026-11-03T09:30:00.1234567+08:00", "2026-11-03T01:30:00.1234567Z", 8 * 60)]
    [InlineData("2026-11-03T09:30:00.5+14:00", "2026-11-02T19:30:00.5Z", 14 * 60)]
    [InlineData("2026-11-03T24:00:00Z", "2026-11-04T00:00:00Z", 0)]
    public void A_time_with_its_offset_reads_as_that_instant_and_keeps_the_offset(string text, string utc, int offsetMinutes)
    {
        Assert.True(OffsetTimeText.TryParse(text, out var value));

        Assert.Equal(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
    }

    [Theory]
    [InlineData("2026-11-03T09:30:00")] // no offset: which month it falls in would be a guess
    [InlineData("2026-11-03")]
    [InlineData("2026-11-03 09:30:00+08:00")]
    [InlineData("2026-11-03T09:30+08:00")]
    [InlineData("2026-11-03T09:30:00+0800")]
    [InlineData("2026-11-03T09:30:00+15:00")] // beyond what a DateTimeOffset holds
    [InlineData("2026-02-30T09:30:00Z")]
    [InlineData("2026-11-03T09:30:00.12345678Z")] // finer than a tick
    [InlineData("0001-01-01T00:00:00+08:00")] // before the first representable instant
    [InlineData("9999-12-31T23:59:59-01:00")] // after the last
    [InlineData("0000-12-31T23:00:00-05:00")]
    [InlineData("Tue, 03 Nov 2026 09:30:00 +0800")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text) => Assert.False(OffsetTimeText.TryParse(text, out _));

    [Property]
    public bool Any_round_trip_text_reads_back_exactly(DateTime local, short offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes % (14 * 60));
        var utc = local.Ticks - offset.Ticks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks) return true;
        var value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);

        return OffsetTimeText.TryParse(value.ToString("O", CultureInfo.InvariantCulture), out var read)
            && read == value && read.Offset == value.Offset;
    }

    [Property]
    public bool No_text_makes_it_throw(string text) => OffsetTimeText.TryParse(text, out _) || true;
}

using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.TimeZones;

namespace Pulse.Scoring;

/// <summary>
/// A tenant's time zone as NodaTime sees it: the IANA zone of the same id from the database NodaTime ships
/// (<see cref="DateTimeZoneProviders.Tzdb"/>). A Windows id is mapped to its IANA zone first; only a zone neither
/// knows falls back to the machine's own rules.
/// </summary>
public static class TenantZones
{
    private static readonly Instant EarliestOffset = Instant.FromDateTimeOffset(DateTimeOffset.MinValue);

    // Looked up once per TimeZoneInfo instance (the runtime hands out one per id): Period.Of runs for every event.
    private static readonly ConditionalWeakTable<TimeZoneInfo, DateTimeZone> Zones = [];

    /// <summary>The NodaTime zone for <paramref name="zone"/>.</summary>
    public static DateTimeZone Of(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Zones.GetValue(zone, z => Find(z.Id) ?? BclDateTimeZone.FromTimeZoneInfo(z));
    }

    /// <summary>The NodaTime zone of an IANA (or Windows) id; null when the database has no such zone.</summary>
    public static DateTimeZone? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var tzdb = DateTimeZoneProviders.Tzdb;
        return tzdb.GetZoneOrNull(id)
            ?? (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var ianaId) ? tzdb.GetZoneOrNull(ianaId) : null);
    }

    /// <summary>
    /// The same instant as a <see cref="DateTimeOffset"/> at the zone's offset then — or at UTC when that offset has
    /// seconds (local mean time before standard time), which <see cref="DateTimeOffset"/> cannot carry.
    /// </summary>
    public static DateTimeOffset ToDateTimeOffset(ZonedDateTime value)
    {
        // Month 0001-01 east of Greenwich starts before the first instant DateTimeOffset holds.
        var instant = value.ToInstant();
        if (instant < EarliestOffset) return DateTimeOffset.MinValue;
        var utc = instant.ToDateTimeOffset();
        var offset = value.Offset.ToTimeSpan();
        return offset.Seconds == 0 && offset.Milliseconds == 0 ? utc.ToOffset(offset) : utc;
    }
}

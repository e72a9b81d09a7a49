using System.Globalization;
using Pulse.EventLog;

namespace Pulse.Audit;

/// <summary>
/// The two text forms of an entry's time: the original ISO-8601 "O" text, which reads back exactly (offset and every
/// tick), and a fixed-width UTC key whose ordinal order is time order, for range filters.
/// </summary>
internal static class AuditTime
{
    private const string UtcKeyFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset value) => EventTime.Format(value);

    public static DateTimeOffset Parse(string text) => EventTime.Parse(text);

    public static string UtcKey(DateTimeOffset value) => value.UtcDateTime.ToString(UtcKeyFormat, CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// Finds the month a message asks about, as a period <c>yyyy-MM</c> in the tenant's time zone: "2026-10", "2026年10月",
/// "上个月", "last month", "10月", "十月", "October" (a month named without a year is the most recent one not in the future).
/// "这个月" / "this month" is the open period. Null when the message names no month.
/// </summary>
public static partial class PeriodParser
{
    private static readonly string[] EnglishMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] HanMonths = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    public static string? Find(string normalised, IReadOnlyList<string> words, DateOnly today)
    {
        var explicitMonth = YearMonth().Match(normalised);
        if (explicitMonth.Success)
        {
            var year = int.Parse(explicitMonth.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(explicitMonth.Groups[2].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12) return Period(year, month);
        }
        if (normalised.Contains("上上个月", StringComparison.Ordinal) || normalised.Contains("上上月", StringComparison.Ordinal)) return Shift(today, -2);
        if (normalised.Contains("上个月", StringComparison.Ordinal) || normalised.Contains("上月", StringComparison.Ordinal)
            || normalised.Contains("last month", StringComparison.Ordinal) || normalised.Contains("previous month", StringComparison.Ordinal)) return Shift(today, -1);
        if (normalised.Contains("这个月", StringComparison.Ordinal) || normalised.Contains("本月", StringComparison.Ordinal) || normalised.Contains("this month", StringComparison.Ordinal)) return Shift(today, 0);

        var digitMonth = DigitMonth().Match(normalised);
        if (digitMonth.Success && int.Parse(digitMonth.Groups[1].Value, CultureInfo.InvariantCulture) is var m and >= 1 and <= 12) return MostRecent(today, m);
        var hanMonth = HanMonth().Match(normalised);
        if (hanMonth.Success) return MostRecent(today, Array.IndexOf(HanMonths, hanMonth.Groups[1].Value) + 1);

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            for (var month = 0; month < 12; month++)
            {
                var name = EnglishMonths[month];
                // "may" is also a verb: it counts only after "in", "for" or "of".
                var named = name == "may"
                    ? word == "may" && i > 0 && words[i - 1] is "in" or "for" or "of"
                    : word == name || (word.Length >= 3 && word == name[..3]) || (word.Length >= 5 && Fuzzy.WordMatches(word, name));
                if (named) return MostRecent(today, month + 1);
            }
        }
        return null;
    }

    public static string Period(int year, int month) => new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Shift(DateOnly today, int months) => today.AddMonths(months).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string MostRecent(DateOnly today, int month) => Period(month <= today.Month ? today.Year : today.Year - 1, month);

    [GeneratedRegex(@"(?<!\d)(20\d{2})\s*(?:-|/|\.|年)\s*(\d{1,2})(?!\d)")]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"(?<![\d-])(\d{1,2})\s*月")]
    private static partial Regex DigitMonth();

    [GeneratedRegex("(十[一二]|[一二三四五六七八九十])月")]
    private static partial Regex HanMonth();
}

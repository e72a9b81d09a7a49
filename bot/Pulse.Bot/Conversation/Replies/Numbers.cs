using System.Globalization;

namespace Pulse.Bot.Conversation.Replies;

/// <summary>
/// How the bot writes the service's numbers: rounded to two decimals for display only (never re-computed), with
/// thousands separators, the same in a card and in the text summary.
/// </summary>
public static class Numbers
{
    public const string None = "—";

    public static string Number(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Number(decimal? value) => value is { } v ? Number(v) : None;

    /// <summary>A value in its indicator's unit: "2.5%", "600,000 元" / "600,000 CNY", "28 分钟".</summary>
    public static string WithUnit(decimal? value, string unit, bool zh)
    {
        if (value is not { } v) return None;
        var number = Number(v);
        return unit switch
        {
            "%" => number + "%",
            "" => number,
            "CNY" when zh => number + " 元",
            _ => number + " " + unit,
        };
    }

    public static string Percent(decimal? value) => value is { } v ? Number(v) + "%" : None;
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// An objection to one's review result: "申诉: 理由…", "申诉 2026-11:理由", "object: reason", "objection — reason",
/// "appeal: reason". The word must begin the message (so a reason or a question that mentions it is not one); the reason
/// is what follows, cut from the message as written. An empty reason is still an objection: the bot asks for one.
/// </summary>
public static partial class ObjectionPattern
{
    public static ObjectionRequest? Match(string message)
    {
        var match = Pattern().Match(message.Trim());
        if (!match.Success) return null;
        var period = match.Groups["period"].Success
            ? PeriodParser.Period(int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture))
            : null;
        return new ObjectionRequest(period, match.Groups["reason"].Value.Trim());
    }

    [GeneratedRegex(@"^(?:我要|我想)?(?:提出)?(?:申诉|异议|objection|object|appeal)(?![a-z])\s*(?<period>(?<year>20\d{2})\s*[-/年]\s*(?<month>1[0-2]|0?[1-9])(?!\d)月?)?\s*[:：,，;；—\-]*\s*(?<reason>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

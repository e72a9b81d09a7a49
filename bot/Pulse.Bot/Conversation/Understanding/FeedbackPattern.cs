using System.Text.RegularExpressions;
using Pulse.Feedback;

namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// Recognises "give feedback / praise to someone": "给张三反馈:…", "表扬张三:…", "praise B002 for …",
/// "give feedback to Wang Wei: …". Patterns run on a copy of the message folded character for character (full-width
/// to half-width), so the person and the text are cut from the message exactly as the user wrote them.
/// </summary>
public static partial class FeedbackPattern
{
    private static readonly string[] Self = ["我", "我的", "me", "myself", "i"];

    public static FeedbackRequest? Match(string message)
    {
        var folded = Fold(message);
        var match = ChineseTo().Match(folded);
        if (!match.Success) match = ChineseVerb().Match(folded);
        if (!match.Success) match = EnglishGive().Match(folded);
        if (!match.Success) match = EnglishGiveWho().Match(folded);
        if (!match.Success) match = EnglishVerb().Match(folded);
        if (!match.Success) return null;

        var who = Cut(message, match.Groups["who"]);
        if (who.Length == 0 || Self.Contains(who.ToLowerInvariant())) return null;
        var text = Cut(message, match.Groups["text"]);
        return new FeedbackRequest(who, text, KindOf(match.Groups["kind"].Value, text));
    }

    private static FeedbackKind KindOf(string verb, string text)
    {
        var v = verb.ToLowerInvariant();
        if (Keywords.Praise.Any(p => v.Contains(p, StringComparison.Ordinal))) return FeedbackKind.Praise;
        var t = text.ToLowerInvariant();
        if (Keywords.Improve.Any(p => t.Contains(p, StringComparison.Ordinal))) return FeedbackKind.Improve;
        if (Keywords.Praise.Any(p => t.Contains(p, StringComparison.Ordinal))) return FeedbackKind.Praise;
        return FeedbackKind.Note;
    }

    private static string Cut(string message, Group group) =>
        group.Success ? message.Substring(group.Index, group.Length).Trim() : "";

    /// <summary>Full-width letters, digits and punctuation to half-width, one character for one, so indices stay those of the message.</summary>
    private static string Fold(string message) => string.Create(message.Length, message, static (span, m) =>
    {
        for (var i = 0; i < m.Length; i++)
        {
            var c = m[i];
            span[i] = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                '\u3001' => ',',
                _ => c,
            };
        }
    });

    [GeneratedRegex(@"^\s*(?:请)?(?:帮我)?(?:给|向)\s*(?<who>[^:,\s][^:,]*?)\s*(?:一个|一条|一下|发个?|写个?|提个?|留个?)?(?<kind>反馈|表扬|点赞|建议|评价|意见)(?:一下)?\s*[:,]?\s*(?<text>.*?)\s*$", RegexOptions.Singleline)]
    private static partial Regex ChineseTo();

    [GeneratedRegex(@"^\s*(?:请)?(?:帮我)?(?<kind>表扬一下|表扬|夸奖|夸一下|称赞|赞扬|反馈给)\s*(?<who>[^:,\s]+?)\s*[:,\s]\s*(?<text>.+?)\s*$", RegexOptions.Singleline)]
    private static partial Regex ChineseVerb();

    [GeneratedRegex(@"^\s*(?:please\s+)?(?:give|send|leave)\s+(?:some\s+|a\s+)?(?<kind>feedback|praise|kudos|note)\s+(?:to|for)\s+(?<who>.+?)\s*(?:[:,\-]|\s(?:for|that|about|on|saying)\s)\s*(?<text>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex EnglishGive();

    [GeneratedRegex(@"^\s*(?:please\s+)?(?:give|send)\s+(?<who>.+?)\s+(?:some\s+|a\s+)?(?<kind>feedback|praise|kudos|note)\s*(?:[:,\-]|\s(?:for|that|about|on|saying)\s)?\s*(?<text>.*?)\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex EnglishGiveWho();

    [GeneratedRegex(@"^\s*(?:please\s+)?(?<kind>praise|thank|congratulate|kudos\s+to|feedback\s+(?:to|for))\s+(?<who>.+?)\s*(?:(?:[:,\-]|\s(?:for|that|about|on|saying)\s)\s*(?<text>.+?))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex EnglishVerb();
}

namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// Turns a message into an <see cref="Intent"/>, deterministically and without any outside service: an objection and
/// feedback patterns first (they carry free text that may contain any word), then the review (who still needs rating,
/// acknowledge, my review result — with any month named), mute/unmute, alerts, feedback received, team, a past month,
/// indicators by name or synonym, what remains, progress, help. Anything else is
/// <see cref="IntentKind.Unknown"/>, which the bot answers with help and examples.
/// </summary>
public static class IntentRecogniser
{
    public static Intent Recognise(string message, OrgIndex index, DateOnly today)
    {
        var normalised = TextNormaliser.Normalise(message);
        if (normalised.Trim('?', '.', '!', ' ').Length == 0) return new Intent(IntentKind.Help);
        var words = TextNormaliser.Words(normalised);

        if (ObjectionPattern.Match(message) is { } objection)
        {
            return new Intent(IntentKind.Object) { Period = objection.Period, Reason = objection.Reason };
        }

        if (FeedbackPattern.Match(message) is { } request)
        {
            return new Intent(IntentKind.GiveFeedback) { Person = request.Who, FeedbackText = request.Text, FeedbackKind = request.Kind };
        }

        if (PraiseWithoutSeparator(message, index) is { } praise) return praise;

        if (Review(normalised, words, today) is { } review) return review;

        var matches = index.FindIndicators(normalised, words);
        var indicators = matches.Select(m => m.Indicator).ToList();
        // Words of a named indicator do not count as intent words ("团队协作评分" is not about the team).
        var rest = matches.Where(m => m.Exact).SelectMany(m => m.Indicator.HanAliases)
            .OrderByDescending(a => a.Length)
            .Aggregate(normalised, (text, alias) => text.Replace(alias, " ", StringComparison.Ordinal));
        var alerts = Keywords.Alerts.In(rest, words);

        if (Keywords.Unmute.In(rest, words)) return new Intent(IntentKind.Unmute) { Indicators = indicators };
        if (Keywords.Mute.In(rest, words) || (alerts && Keywords.Stop.In(rest, words))) return new Intent(IntentKind.Mute) { Indicators = indicators };
        if (alerts) return new Intent(IntentKind.Alerts) { Indicators = indicators };
        if (Keywords.FeedbackReceived.In(rest, words)) return new Intent(IntentKind.FeedbackReceived);
        if (Keywords.Team.In(rest, words)) return new Intent(IntentKind.Team);

        var period = PeriodParser.Find(normalised, words, today);
        var current = PeriodParser.Shift(today, 0);
        if (period is not null && period != current) return new Intent(IntentKind.PastMonth) { Period = period, Indicators = indicators };

        if (Keywords.Remaining.In(rest, words)) return new Intent(IntentKind.Remaining) { Indicators = indicators };
        if (indicators.Count > 0) return new Intent(IntentKind.Indicator) { Indicators = indicators };
        if (period is not null || Keywords.Progress.In(rest, words)) return new Intent(IntentKind.Progress);
        if (Keywords.Help.In(rest, words) || normalised.Trim() is "?" or "？") return new Intent(IntentKind.Help);
        return new Intent(IntentKind.Unknown);
    }

    /// <summary>The review's questions; "上个月的考核" is the review, not last month's live scores, so this comes before the months.</summary>
    private static Intent? Review(string normalised, IReadOnlyList<string> words, DateOnly today)
    {
        var kind = Keywords.WhoToRate.In(normalised, words) ? IntentKind.WhoToRate
            : Keywords.Acknowledge.In(normalised, words) ? IntentKind.Acknowledge
            : Keywords.ReviewResult.In(normalised, words) ? IntentKind.ReviewResult
            : (IntentKind?)null;
        return kind is { } k ? new Intent(k) { Period = PeriodParser.Find(normalised, words, today) } : null;
    }

    private static readonly string[] PraiseVerbs = ["表扬", "夸奖", "称赞", "赞扬"];

    /// <summary>"表扬周敏本月放款做得很好": a praise verb, then a name from the directory, then the text, with nothing between.</summary>
    private static Intent? PraiseWithoutSeparator(string message, OrgIndex index)
    {
        var trimmed = message.Trim();
        var verb = PraiseVerbs.FirstOrDefault(v => trimmed.StartsWith(v, StringComparison.Ordinal));
        if (verb is null) return null;
        var rest = trimmed[verb.Length..].TrimStart();
        if (index.PersonAtStart(rest) is not { } person) return null;
        var text = rest[person.Name.Length..].Trim();
        return text.Length == 0 ? null : new Intent(IntentKind.GiveFeedback) { Person = person.Id, FeedbackText = text, FeedbackKind = Pulse.Feedback.FeedbackKind.Praise };
    }
}

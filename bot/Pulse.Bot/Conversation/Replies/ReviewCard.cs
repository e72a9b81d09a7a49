using System.Text;
using System.Text.Json.Nodes;
using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Understanding;
using Pulse.Performance;
using Pulse.Reviews;

namespace Pulse.Bot.Conversation.Replies;

/// <summary>
/// A published review result as one message, the same whether the bot starts it (the result is out) or the employee
/// asks for it: composite, grade and pay, then each indicator — a measure's frozen value and score, a rating out of 5
/// with the manager's comment — in a card, and the same numbers in the text. The review service's numbers, rounded
/// for display only.
/// </summary>
public static class ReviewCard
{
    public const int RatingScale = 5;

    public static Activity For(EmployeeReview review, bool zh, IEnumerable<string> suggestions)
    {
        var title = zh ? $"{review.Period} 考核结果" : $"Your review result for {review.Period}";
        var text = new StringBuilder(title).Append(zh ? ":" : ":");
        var body = new List<JsonNode?> { AdaptiveCards.Heading(title) };

        var summary = new List<(string Title, string Value)>
        {
            (zh ? "综合得分" : "Composite", Numbers.Number(review.Composite)),
            (zh ? "等级" : "Grade", review.Grade ?? Numbers.None),
        };
        if (review.Pay is { } pay) summary.Add((zh ? "绩效工资" : "Performance pay", $"{Numbers.Number(pay.Amount)} {pay.Currency}"));
        if (review.Response is { } response) summary.Add((zh ? "你的答复" : "Your answer", Answered(response.Kind, zh)));
        foreach (var (label, value) in summary) text.Append('\n').Append(label).Append(zh ? ":" : ": ").Append(value);
        body.Add(AdaptiveCards.Facts(summary));

        var ratings = review.Ratings.ToDictionary(r => r.IndicatorId, StringComparer.Ordinal);
        foreach (var indicator in review.Frozen?.Sections.SelectMany(s => s.Indicators) ?? [])
        {
            var name = indicator.Name.For(zh ? Language.Chinese : Language.English);
            var facts = ratings.TryGetValue(indicator.Id, out var rating)
                ? Rated(rating, zh)
                : Measured(indicator, zh);
            text.Append("\n· ").Append(name).Append(zh ? ":" : ": ").Append(string.Join(zh ? "," : ", ", facts.Select(f => $"{f.Title} {f.Value}")));
            body.Add(AdaptiveCards.Container(AdaptiveCards.Line(name, bold: true), AdaptiveCards.Facts(facts)));
        }
        return Reply.Card(zh, text.ToString(), AdaptiveCards.Card([.. body]), suggestions);
    }

    public static string Answered(ReviewResponseKind kind, bool zh) => (kind, zh) switch
    {
        (ReviewResponseKind.Acknowledge, true) => "已确认",
        (ReviewResponseKind.Acknowledge, false) => "acknowledged",
        (_, true) => "已申诉",
        _ => "objected",
    };

    private static List<(string Title, string Value)> Rated(GivenRating rating, bool zh)
    {
        var facts = new List<(string, string)> { (zh ? "经理评分" : "Manager's rating", $"{Numbers.Number(rating.Rating)} / {RatingScale}") };
        if (!string.IsNullOrWhiteSpace(rating.Comment)) facts.Add((zh ? "评语" : "Comment", rating.Comment));
        return facts;
    }

    private static List<(string Title, string Value)> Measured(IndicatorResult indicator, bool zh) =>
    [
        (zh ? "结果" : "Value", Numbers.WithUnit(indicator.Value, indicator.Unit, zh)),
        (zh ? "得分" : "Score", Numbers.Number(indicator.Score)),
    ];
}

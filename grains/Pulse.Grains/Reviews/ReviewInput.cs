using Pulse.Organisation;
using Pulse.Scoring;

namespace Pulse.Reviews;

/// <summary>
/// The bounds of what people write into a review, checked before anything is stored (invariant 6): each error names
/// the item as the request body spells it (<c>ratings[1].comment</c>, <c>kind</c>, <c>text</c>).
/// </summary>
public static class ReviewInput
{
    public const int MaxText = 2_000;

    /// <summary>
    /// Ratings of the rated indicators: each names one of <paramref name="ratedIndicators"/> once, on the scale
    /// (<see cref="ReviewScoring.IsOnScale"/>), with a comment of 1–2,000 characters when <paramref name="commentRequired"/>
    /// (a manager's), else at most 2,000.
    /// </summary>
    public static List<ValidationError> Ratings(RatingInput?[]? ratings, IReadOnlyCollection<string> ratedIndicators, bool commentRequired, string item = "ratings")
    {
        var errors = new List<ValidationError>();
        if (ratings is null || ratings.Length == 0)
        {
            if (commentRequired) errors.Add(new(item, "Required: at least one rating."));
            return errors;
        }

        // Each item is checked (a second rating of an indicator is named as such); only an absurd count is refused whole.
        if (ratings.Length > EmployeeReviewGrain.MaxRatedIndicators)
        {
            errors.Add(new(item, $"At most {EmployeeReviewGrain.MaxRatedIndicators} ratings: one for each rated indicator."));
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ratings.Length; i++)
        {
            var at = $"{item}[{i}]";
            if (ratings[i] is not { } rating)
            {
                errors.Add(new(at, "Required: {indicatorId, rating, comment}."));
                continue;
            }

            if (string.IsNullOrEmpty(rating.IndicatorId) || !ratedIndicators.Contains(rating.IndicatorId))
                errors.Add(new($"{at}.indicatorId", $"Must be a rated indicator of the employee's template: {string.Join(", ", ratedIndicators)}."));
            else if (!seen.Add(rating.IndicatorId))
                errors.Add(new($"{at}.indicatorId", "Rated twice in one request; give one rating per indicator."));

            if (rating.Rating is not { } value || !ReviewScoring.IsOnScale(value))
                errors.Add(new($"{at}.rating", "Required: a whole number from 1 to 5."));

            if (Text(rating.Comment, commentRequired) is { } reason)
                errors.Add(new($"{at}.comment", reason));
        }

        return errors;
    }

    /// <summary>Why a text is refused, or null: at most 2,000 characters, and not blank when required.</summary>
    public static string? Text(string? text, bool required) =>
        required && string.IsNullOrWhiteSpace(text) ? $"Required: 1 to {MaxText} characters."
        : text is { Length: > MaxText } ? $"At most {MaxText} characters."
        : null;

    /// <summary>Blank text is no text.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

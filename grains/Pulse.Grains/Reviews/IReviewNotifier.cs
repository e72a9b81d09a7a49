namespace Pulse.Reviews;

/// <summary>
/// Tells people about the review as it moves: the managers who must rate when a cycle opens, and two days before the
/// grace window ends those still missing ratings; each employee when their result is published; HR when an employee
/// objects. The silo's default (<see cref="LiveFeedReviewNotifier"/>) puts each notice on the live feed, where the chat
/// bot of every process picks it up, as it does alerts.
/// </summary>
public interface IReviewNotifier
{
    /// <summary><paramref name="toRate"/>: everyone whose ratings the cycle waits for, each with the managers who rate them.</summary>
    Task CycleOpenedAsync(string tenantId, string period, IReadOnlyList<MissingRating> toRate, DateTimeOffset freezesAt);

    Task RatingsDueAsync(string tenantId, string period, IReadOnlyList<MissingRating> missing, DateTimeOffset freezesAt);

    /// <summary>The cycle was approved (for the <paramref name="revision"/>th time): these employees' results are published.</summary>
    Task ResultsPublishedAsync(string tenantId, string period, int revision, IReadOnlyList<string> employeeIds);

    /// <summary>An employee objected to their published result, which they answer once (the reason is their words: never logged).</summary>
    Task ObjectionRaisedAsync(string tenantId, string period, string employeeId, string employeeName, string reason);
}

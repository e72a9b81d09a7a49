namespace Pulse.Reviews;

/// <summary>
/// Tells the managers who must rate: when a cycle opens, and two days before the grace window ends for those still
/// missing ratings. The silo's default only logs counts; a channel (the chat bot, mail) registers its own.
/// </summary>
public interface IReviewNotifier
{
    Task CycleOpenedAsync(string tenantId, string period, IReadOnlyList<string> managerIds, DateTimeOffset freezesAt);

    Task RatingsDueAsync(string tenantId, string period, IReadOnlyList<MissingRating> missing, DateTimeOffset freezesAt);
}

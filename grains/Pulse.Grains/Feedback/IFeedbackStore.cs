namespace Pulse.Feedback;

/// <summary>
/// Where feedback lives: a table, not a grain's list, so an employee's feedback grows without bound while each read
/// is one bounded page (keyset on the id, newest first) and each write one row.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Creates the schema if it is not there yet.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a new item (its <see cref="FeedbackItem.Id"/> and <see cref="FeedbackItem.Reply"/> are ignored) and returns it with the id given.</summary>
    Task<FeedbackItem> AddAsync(string tenantId, FeedbackItem item, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> items of an employee, newest first, older than <paramref name="beforeId"/> when given.</summary>
    Task<IReadOnlyList<FeedbackItem>> PageAsync(string tenantId, string employeeId, long? beforeId, int limit, CancellationToken cancellationToken = default);

    Task<FeedbackItem?> FindAsync(string tenantId, string employeeId, long id, CancellationToken cancellationToken = default);

    /// <summary>Sets the reply if the item has none yet, in one statement; false if it already had one or does not exist.</summary>
    Task<bool> ReplyAsync(string tenantId, string employeeId, long id, FeedbackReply reply, CancellationToken cancellationToken = default);
}

using Microsoft.Extensions.Logging;
using Pulse.Live;

namespace Pulse.Reviews;

/// <summary>
/// The default <see cref="IReviewNotifier"/>: one <see cref="ReviewNotice"/> per person concerned on the live feed,
/// which every process's chat relay receives (so a notice reaches a conversation wherever it lives, as alerts do), and
/// a log line with counts (no names: no PII in logs). Publishing only queues: the cycle never waits for chat.
/// </summary>
public sealed partial class LiveFeedReviewNotifier(LiveFeed feed, ILogger<LiveFeedReviewNotifier> logger) : IReviewNotifier
{
    public Task CycleOpenedAsync(string tenantId, string period, IReadOnlyList<MissingRating> toRate, DateTimeOffset freezesAt)
    {
        var managers = PublishPerManager(tenantId, period, ReviewNoticeKind.CycleOpened, toRate, freezesAt);
        LogOpened(logger, tenantId, period, managers, freezesAt);
        return Task.CompletedTask;
    }

    public Task RatingsDueAsync(string tenantId, string period, IReadOnlyList<MissingRating> missing, DateTimeOffset freezesAt)
    {
        PublishPerManager(tenantId, period, ReviewNoticeKind.RatingsDue, missing, freezesAt);
        LogDue(logger, tenantId, period, missing.Count, freezesAt);
        return Task.CompletedTask;
    }

    public Task ResultsPublishedAsync(string tenantId, string period, int revision, IReadOnlyList<string> employeeIds)
    {
        foreach (var id in employeeIds) feed.Publish(new ReviewNotice(tenantId, ReviewNoticeKind.ResultPublished, period, revision, id, "", 0, null, null));
        LogPublished(logger, tenantId, period, revision, employeeIds.Count);
        return Task.CompletedTask;
    }

    public Task ObjectionRaisedAsync(string tenantId, string period, string employeeId, string employeeName, string reason)
    {
        feed.Publish(new ReviewNotice(tenantId, ReviewNoticeKind.ObjectionRaised, period, 1, employeeId, employeeName, 0, null, reason));
        LogObjection(logger, tenantId, period);
        return Task.CompletedTask;
    }

    /// <summary>
    /// One notice per manager, counting the people they rate, and one to HR (<see cref="ReviewNotice.Hr"/>) counting
    /// the people nobody is above; returns how many managers.
    /// </summary>
    private int PublishPerManager(string tenantId, string period, ReviewNoticeKind kind, IReadOnlyList<MissingRating> people, DateTimeOffset freezesAt)
    {
        var perManager = people.SelectMany(p => p.ManagerIds).CountBy(m => m, StringComparer.Ordinal).OrderBy(m => m.Key, StringComparer.Ordinal).ToArray();
        foreach (var (managerId, count) in perManager) feed.Publish(new ReviewNotice(tenantId, kind, period, 1, managerId, "", count, freezesAt, null));
        var forHr = people.Count(p => p.RatedByHr);
        if (forHr > 0) feed.Publish(new ReviewNotice(tenantId, kind, period, 1, ReviewNotice.Hr, "", forHr, freezesAt, null));
        return perManager.Length;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Review cycle {TenantId}/{Period} opened: {Managers} managers to rate before {FreezesAt}")]
    private static partial void LogOpened(ILogger logger, string tenantId, string period, int managers, DateTimeOffset freezesAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review cycle {TenantId}/{Period}: {Missing} people still wait for ratings; the values freeze at {FreezesAt}")]
    private static partial void LogDue(ILogger logger, string tenantId, string period, int missing, DateTimeOffset freezesAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review cycle {TenantId}/{Period} approved (revision {Revision}): {Employees} results published")]
    private static partial void LogPublished(ILogger logger, string tenantId, string period, int revision, int employees);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review cycle {TenantId}/{Period}: an employee objected to their result; HR is told")]
    private static partial void LogObjection(ILogger logger, string tenantId, string period);
}

using Microsoft.Extensions.Logging;

namespace Pulse.Reviews;

/// <summary>The default <see cref="IReviewNotifier"/>: a log line with counts (no names: no PII in logs).</summary>
public sealed partial class LoggingReviewNotifier(ILogger<LoggingReviewNotifier> logger) : IReviewNotifier
{
    public Task CycleOpenedAsync(string tenantId, string period, IReadOnlyList<string> managerIds, DateTimeOffset freezesAt)
    {
        LogOpened(logger, tenantId, period, managerIds.Count, freezesAt);
        return Task.CompletedTask;
    }

    public Task RatingsDueAsync(string tenantId, string period, IReadOnlyList<MissingRating> missing, DateTimeOffset freezesAt)
    {
        LogDue(logger, tenantId, period, missing.Count, freezesAt);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Review cycle {TenantId}/{Period} opened: {Managers} managers to rate before {FreezesAt}")]
    private static partial void LogOpened(ILogger logger, string tenantId, string period, int managers, DateTimeOffset freezesAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review cycle {TenantId}/{Period}: {Missing} people still wait for ratings; the values freeze at {FreezesAt}")]
    private static partial void LogDue(ILogger logger, string tenantId, string period, int missing, DateTimeOffset freezesAt);
}

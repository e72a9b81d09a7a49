using Microsoft.Extensions.Logging;

namespace Pulse.Reviews;

/// <summary>Log messages of the employee reviews. Never names, comments or response texts: those are personal.</summary>
internal static partial class ReviewLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Review {Period} of tenant {TenantId}: a change is stored but the cycle was not told; its progress counts lag until the next change")]
    public static partial void CycleNotNotified(ILogger logger, Exception exception, string tenantId, string period);
}

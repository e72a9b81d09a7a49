using Microsoft.Extensions.Logging;

namespace Pulse.Audit;

/// <summary>Log messages of the audit log stores. Never actors, targets or contents: those are personal.</summary>
internal static partial class AuditLogLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Audit log ready: {Store}")]
    public static partial void Initialized(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit log appended {Count} entries")]
    public static partial void Appended(ILogger logger, int count);
}

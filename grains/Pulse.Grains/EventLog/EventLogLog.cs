using Microsoft.Extensions.Logging;

namespace Pulse.EventLog;

/// <summary>Log messages of the event log stores. Never event data, ids or names: those may be personal.</summary>
internal static partial class EventLogLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Event log ready: {Store}, at most {MaxBatchEvents} events per commit")]
    public static partial void Initialized(ILogger logger, string store, int maxBatchEvents);
}

using Microsoft.Extensions.Logging;

namespace Pulse.EventLog;

/// <summary>Log messages of the event log stores. Never event data, ids or names: those may be personal.</summary>
internal static partial class EventLogLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Event log ready: {Store}, at most {MaxBatchEvents} events per commit")]
    public static partial void Initialized(ILogger logger, string store, int maxBatchEvents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event log file is in the first layout (events clustered by stream): converting it to append order; this runs once and may take a while on a large file")]
    public static partial void MigratingLayout(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event log file converted to append order in {Seconds:0.0} s")]
    public static partial void MigratedLayout(ILogger logger, double seconds);
}

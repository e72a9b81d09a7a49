using System.Diagnostics.Metrics;

namespace Pulse.EventLog;

/// <summary>
/// The event log's instruments (meter <c>Pulse.EventLog</c>): how long appends wait for their commit, how long a
/// commit takes and how many events it carries. Read them live with <c>dotnet-counters monitor --counters
/// Pulse.EventLog</c> or export them with OpenTelemetry.
/// </summary>
internal static class EventLogMetrics
{
    public const string MeterName = "Pulse.EventLog";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> AppendDuration = Meter.CreateHistogram<double>(
        "pulse.eventlog.append.duration", "ms", "From an append entering the group-commit queue to its commit");

    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "pulse.eventlog.commit.duration", "ms", "One batch's commit, as the writer saw it");

    public static readonly Histogram<int> CommitEvents = Meter.CreateHistogram<int>(
        "pulse.eventlog.commit.events", "{event}", "Events committed together in one batch");
}

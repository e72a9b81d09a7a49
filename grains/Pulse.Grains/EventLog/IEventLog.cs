using Pulse.Performance;

namespace Pulse.EventLog;

/// <summary>
/// The durable event log. An append completes only once its events are committed (acknowledged means durable);
/// each (tenant, event id) is stored at most once, forever.
/// </summary>
public interface IEventLog
{
    /// <summary>Creates the schema if missing. Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    Task<AppendResult> AppendAsync(StreamAppend append, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stream's single writer, which pipelines its appends (each queued before the previous one has committed);
    /// its first append is numbered from <paramref name="position"/>. The log must be initialized.
    /// </summary>
    EventStreamWriter OpenWriter(StreamId stream, long position);

    /// <summary>Events of one stream after <paramref name="afterSeq"/>, in stream order, at most <paramref name="maxCount"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(StreamId stream, long afterSeq, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Events of one stream that fall in <paramref name="period"/>, in stream order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadPeriodAsync(StreamId stream, string period, CancellationToken cancellationToken = default);

    /// <summary>Records alert crossings; a crossing already recorded (same employee, period, indicator, rule, position) is ignored.</summary>
    Task RecordAlertsAsync(IReadOnlyList<AlertRecord> alerts, CancellationToken cancellationToken = default);

    /// <summary>An employee's alert crossings, newest first.</summary>
    Task<IReadOnlyList<AlertRecord>> ReadAlertsAsync(StreamId stream, int limit, CancellationToken cancellationToken = default);
}

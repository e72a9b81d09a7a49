using Microsoft.Data.Sqlite;
using Pulse.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Performance;

namespace Pulse.EventLog;

/// <summary>
/// The embedded event log: one SQLite file in WAL mode. Appends go through the group committer's single writer
/// connection; reads use pooled connections of their own, which WAL lets run beside the writer.
/// </summary>
public sealed class SqliteEventLog : IEventLog, IAsyncDisposable
{
    private readonly SqliteEventLogOptions _options;
    private readonly ILogger<SqliteEventLog> _logger;
    private readonly TimeProvider _time;
    private readonly SqliteStore _store;
    private volatile GroupCommitter? _committer;
    private SqliteAppendWriter? _writer;
    private SqliteCheckpointer? _checkpointer;

    public SqliteEventLog(IOptions<SqliteEventLogOptions> options, ILogger<SqliteEventLog> logger, TimeProvider time)
    {
        _options = options.Value;
        _logger = logger;
        _time = time;
        _store = new SqliteStore(_options.Path, SetUpAsync);
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _store.InitializeAsync(cancellationToken);

    private async Task SetUpAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await MigrateClusteredLayoutAsync(connection, cancellationToken);
        await SqliteStore.ExecuteAsync(connection, SqliteSchema.Create, cancellationToken);
        if (_options.CheckpointIntervalMilliseconds > 0)
        {
            _checkpointer = new SqliteCheckpointer(_store.ConnectionString, TimeSpan.FromMilliseconds(_options.CheckpointIntervalMilliseconds), _logger);
        }

        _writer = new SqliteAppendWriter(_store.ConnectionString, _time, _store.WriteGate);
        _committer = new GroupCommitter(_writer, _options.MaxBatchEvents, _logger);
        EventLogLog.Initialized(_logger, "sqlite", _options.MaxBatchEvents);
    }

    /// <summary>Converts a file written in the first layout (events clustered by stream) in one transaction.</summary>
    private async Task MigrateClusteredLayoutAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = SqliteSchema.IsClustered;
        if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }

        EventLogLog.MigratingLayout(_logger);
        var started = _time.GetTimestamp();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var migrate = connection.CreateCommand();
        migrate.Transaction = transaction;
        migrate.CommandText = SqliteSchema.MigrateClustered;
        migrate.CommandTimeout = 0; // a large file takes as long as it takes; the silo is not serving yet
        await migrate.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var seconds = _time.GetElapsedTime(started).TotalSeconds;
        EventLogLog.MigratedLayout(_logger, seconds);
    }

    public async Task<AppendResult> AppendAsync(StreamAppend append, CancellationToken cancellationToken = default)
    {
        AppendValidation.Validate(append);
        if (append.Events.Count == 0)
        {
            return new AppendResult(AppendStatus.Committed, [], []) { Head = append.ExpectedSeq };
        }

        await InitializeAsync(cancellationToken);
        return await _committer!.AppendAsync(append, cancellationToken);
    }

    public EventStreamWriter OpenWriter(StreamId stream, long position)
    {
        if (!_store.Initialized) throw new InvalidOperationException("The event log is not initialized: call InitializeAsync first.");
        return new EventStreamWriter(_committer!, stream, position);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(StreamId stream, long afterSeq, int maxCount, CancellationToken cancellationToken = default)
    {
        if (maxCount <= 0)
        {
            return [];
        }

        return await _store.ReadAsync(async (command, ct) =>
        {
            command.CommandText = SqliteSchema.ReadStream;
            command.Parameters.AddWithValue("$tenant", stream.TenantId);
            command.Parameters.AddWithValue("$employee", stream.EmployeeId);
            command.Parameters.AddWithValue("$after", afterSeq);
            command.Parameters.AddWithValue("$limit", maxCount);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await EventRows.ReadAllAsync(reader, ct);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadPeriodAsync(StreamId stream, string period, CancellationToken cancellationToken = default) =>
        _store.ReadAsync(async (command, ct) =>
        {
            command.CommandText = SqliteSchema.ReadPeriod;
            command.Parameters.AddWithValue("$tenant", stream.TenantId);
            command.Parameters.AddWithValue("$employee", stream.EmployeeId);
            command.Parameters.AddWithValue("$period", period);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await EventRows.ReadAllAsync(reader, ct);
        }, cancellationToken);

    public async Task RecordAlertsAsync(IReadOnlyList<AlertRecord> alerts, CancellationToken cancellationToken = default)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        // Crossings are rare next to events, so they take a short transaction of their own, queued behind the batch
        // being committed by the write gate.
        await _store.WriteAsync(async (command, ct) =>
        {
            command.CommandText = SqliteSchema.InsertAlert;
            foreach (var alert in alerts)
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$tenant", alert.TenantId);
                command.Parameters.AddWithValue("$employee", alert.EmployeeId);
                command.Parameters.AddWithValue("$period", alert.Period);
                command.Parameters.AddWithValue("$indicator", alert.IndicatorId);
                command.Parameters.AddWithValue("$rule", alert.RuleId);
                command.Parameters.AddWithValue("$seq", alert.AtSeq);
                command.Parameters.AddWithValue("$kind", alert.Kind.ToString());
                command.Parameters.AddWithValue("$value", alert.Value);
                command.Parameters.AddWithValue("$threshold", alert.Threshold);
                command.Parameters.AddWithValue("$occurred", EventTime.Format(alert.OccurredAt));
                await command.ExecuteNonQueryAsync(ct);
            }
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AlertRecord>> ReadAlertsAsync(StreamId stream, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        return await _store.ReadAsync(async (command, ct) =>
        {
            command.CommandText = SqliteSchema.ReadAlerts;
            command.Parameters.AddWithValue("$tenant", stream.TenantId);
            command.Parameters.AddWithValue("$employee", stream.EmployeeId);
            command.Parameters.AddWithValue("$limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await AlertRows.ReadAllAsync(reader, ct);
        }, cancellationToken);
    }

    /// <summary>Commits what is queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_committer is { } committer)
        {
            await committer.DisposeAsync();
        }

        if (_writer is { } writer)
        {
            await writer.DisposeAsync();
        }

        _checkpointer?.Dispose();
        _store.Dispose();
    }
}

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
public sealed class SqliteEventLog(IOptions<SqliteEventLogOptions> options, ILogger<SqliteEventLog> logger, TimeProvider time)
    : IEventLog, IAsyncDisposable
{
    private readonly SqliteEventLogOptions _options = options.Value;
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Value.Path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    private readonly InitializeOnce _initialization = new();
    private volatile GroupCommitter? _committer;
    private SqliteAppendWriter? _writer;
    private SqliteCheckpointer? _checkpointer;

    private readonly SqliteWriteGate _writeGate = SqliteWriteGate.For(options.Value.Path);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initialization.RunAsync(async ct =>
    {
        SqliteFiles.EnsureDirectoryFor(_options.Path);
        await using (var connection = await OpenAsync(ct))
        {
            // WAL is a property of the file: set once, readers then never block the writer.
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct);
            await MigrateClusteredLayoutAsync(connection, ct);
            await ExecuteAsync(connection, SqliteSchema.Create, ct);
        }

        if (_options.CheckpointIntervalMilliseconds > 0)
        {
            _checkpointer = new SqliteCheckpointer(_connectionString, TimeSpan.FromMilliseconds(_options.CheckpointIntervalMilliseconds), logger);
        }

        _writer = new SqliteAppendWriter(_connectionString, time, _writeGate);
        _committer = new GroupCommitter(_writer, _options.MaxBatchEvents, logger);
        EventLogLog.Initialized(logger, "sqlite", _options.MaxBatchEvents);
    }, cancellationToken);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
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

        EventLogLog.MigratingLayout(logger);
        var started = time.GetTimestamp();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var migrate = connection.CreateCommand();
        migrate.Transaction = transaction;
        migrate.CommandText = SqliteSchema.MigrateClustered;
        migrate.CommandTimeout = 0; // a large file takes as long as it takes; the silo is not serving yet
        await migrate.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        EventLogLog.MigratedLayout(logger, seconds);
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
        if (!_initialization.Done) throw new InvalidOperationException("The event log is not initialized: call InitializeAsync first.");
        return new EventStreamWriter(_committer!, stream, position);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(StreamId stream, long afterSeq, int maxCount, CancellationToken cancellationToken = default)
    {
        if (maxCount <= 0)
        {
            return [];
        }

        await InitializeAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.ReadStream;
        command.Parameters.AddWithValue("$tenant", stream.TenantId);
        command.Parameters.AddWithValue("$employee", stream.EmployeeId);
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await EventRows.ReadAllAsync(reader, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadPeriodAsync(StreamId stream, string period, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.ReadPeriod;
        command.Parameters.AddWithValue("$tenant", stream.TenantId);
        command.Parameters.AddWithValue("$employee", stream.EmployeeId);
        command.Parameters.AddWithValue("$period", period);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await EventRows.ReadAllAsync(reader, cancellationToken);
    }

    public async Task RecordAlertsAsync(IReadOnlyList<AlertRecord> alerts, CancellationToken cancellationToken = default)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        // Crossings are rare next to events, so they take a short transaction of their own, queued behind the batch
        // being committed by the write gate.
        await InitializeAsync(cancellationToken);
        await _writeGate.RunAsync(() => InsertAlertsAsync(alerts, cancellationToken), cancellationToken);
    }

    private async Task InsertAlertsAsync(IReadOnlyList<AlertRecord> alerts, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await SqliteDurability.ApplyWriterPragmasAsync(connection, cancellationToken);

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
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
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertRecord>> ReadAlertsAsync(StreamId stream, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        await InitializeAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.ReadAlerts;
        command.Parameters.AddWithValue("$tenant", stream.TenantId);
        command.Parameters.AddWithValue("$employee", stream.EmployeeId);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AlertRows.ReadAllAsync(reader, cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
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

        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initialization.Dispose();
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Pulse.Storage;
using NpgsqlTypes;
using Pulse.Performance;

namespace Pulse.EventLog;

/// <summary>
/// The production event log on PostgreSQL. Appends are group-committed with array inserts; reads go straight to the
/// pool. Several silos may share the database: races between them end in a per-append retry, never a wrong number.
/// </summary>
public sealed class PostgresEventLog : IEventLog, IAsyncDisposable
{
    // Serialises schema creation across silos starting together (CREATE ... IF NOT EXISTS alone can still collide).
    private const long SchemaLockKey = 0x5075_6c73_654c_6f67;

    private readonly PostgresEventLogOptions _options;
    private readonly PostgresStore _store;
    private readonly NpgsqlDataSource _writerDataSource;
    private readonly PostgresSchema _schema;
    private readonly GroupCommitter _committer;

    public PostgresEventLog(IOptions<PostgresEventLogOptions> options, ILogger<PostgresEventLog> logger, TimeProvider time)
    {
        _options = options.Value;
        var dataSource = new NpgsqlDataSourceBuilder(_options.ConnectionString);
        // The log never changes session state, so a connection back from the pool needs no DISCARD ALL first: that
        // round trip used to lead every batch commit.
        dataSource.ConnectionStringBuilder.NoResetOnClose = true;
        // The log runs a handful of statements over and over: keep them prepared on each connection so the server
        // parses and plans them once instead of per commit.
        if (dataSource.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = 16;
            dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        _schema = new PostgresSchema(_options.Schema);
        _store = new PostgresStore(dataSource.Build(), SchemaLockKey, _schema.Create, () => EventLogLog.Initialized(logger, "postgres", _options.MaxBatchEvents));

        // The committer's own pool, one connection per batch in flight: commits spread over the shared pool kept
        // recent batches reachable at every collection (docs/benchmarks.md). Build() copied the settings above.
        dataSource.ConnectionStringBuilder.MaxPoolSize = _options.MaxConcurrentBatches;
        _writerDataSource = dataSource.Build();
        _committer = new GroupCommitter(new PostgresAppendWriter(_writerDataSource, _schema, time), _options.MaxBatchEvents, logger, _options.MaxConcurrentBatches, _options.MinSplitEvents);
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _store.InitializeAsync(cancellationToken);

    public async Task<AppendResult> AppendAsync(StreamAppend append, CancellationToken cancellationToken = default)
    {
        AppendValidation.Validate(append);
        if (append.Events.Count == 0)
        {
            return new AppendResult(AppendStatus.Committed, [], []) { Head = append.ExpectedSeq };
        }

        await InitializeAsync(cancellationToken);
        return await _committer.AppendAsync(append, cancellationToken);
    }

    public EventStreamWriter OpenWriter(StreamId stream, long position)
    {
        if (!_store.Initialized) throw new InvalidOperationException("The event log is not initialized: call InitializeAsync first.");
        return new EventStreamWriter(_committer, stream, position);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(StreamId stream, long afterSeq, int maxCount, CancellationToken cancellationToken = default)
    {
        if (maxCount <= 0)
        {
            return [];
        }

        await using var command = await _store.CommandAsync(_schema.ReadStream, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", stream.TenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("employee", stream.EmployeeId));
        command.Parameters.Add(new NpgsqlParameter<long>("after", afterSeq));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", maxCount));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await EventRows.ReadAllAsync(reader, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadPeriodAsync(StreamId stream, string period, CancellationToken cancellationToken = default)
    {
        await using var command = await _store.CommandAsync(_schema.ReadPeriod, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", stream.TenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("employee", stream.EmployeeId));
        command.Parameters.Add(new NpgsqlParameter<string>("period", period));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await EventRows.ReadAllAsync(reader, cancellationToken);
    }

    public async Task RecordAlertsAsync(IReadOnlyList<AlertRecord> alerts, CancellationToken cancellationToken = default)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        await using var command = await _store.CommandAsync(_schema.InsertAlerts, cancellationToken);
        command.Parameters.Add(PostgresArrays.Text("tenants", alerts.Select(a => a.TenantId)));
        command.Parameters.Add(PostgresArrays.Text("employees", alerts.Select(a => a.EmployeeId)));
        command.Parameters.Add(PostgresArrays.Text("periods", alerts.Select(a => a.Period)));
        command.Parameters.Add(PostgresArrays.Text("indicators", alerts.Select(a => a.IndicatorId)));
        command.Parameters.Add(PostgresArrays.Text("rules", alerts.Select(a => a.RuleId)));
        command.Parameters.Add(PostgresArrays.Bigint("seqs", alerts.Select(a => a.AtSeq)));
        command.Parameters.Add(PostgresArrays.Text("kinds", alerts.Select(a => a.Kind.ToString())));
        command.Parameters.Add(PostgresArrays.Numeric("values", alerts.Select(a => a.Value)));
        command.Parameters.Add(PostgresArrays.Numeric("thresholds", alerts.Select(a => a.Threshold)));
        command.Parameters.Add(PostgresArrays.Text("occurred", alerts.Select(a => EventTime.Format(a.OccurredAt))));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertRecord>> ReadAlertsAsync(StreamId stream, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        await using var command = await _store.CommandAsync(_schema.ReadAlerts, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", stream.TenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("employee", stream.EmployeeId));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AlertRows.ReadAllAsync(reader, cancellationToken);
    }


    /// <summary>Commits what is queued, then closes the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await _committer.DisposeAsync();
        await _writerDataSource.DisposeAsync();
        await _store.DisposeAsync();
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Pulse.Storage;
using NpgsqlTypes;
using Pulse.Security;

namespace Pulse.Audit;

/// <summary>
/// The production audit log on PostgreSQL. Several silos may append at once; a transaction-scoped advisory lock
/// makes ids follow commit order, so a reader paging with <see cref="AuditQuery.AfterId"/> never skips an entry
/// that committed late with a smaller id.
/// </summary>
public sealed class PostgresAuditLog : IAuditLog, IAsyncDisposable
{
    // Serialises schema creation across silos starting together (CREATE ... IF NOT EXISTS alone can still collide).
    private const long SchemaLockKey = 0x5075_6c73_6541_7564;

    // Serialises appends; changes to configuration are rare, so one lock costs nothing worth measuring.
    private const long AppendLockKey = 0x5075_6c73_6541_7570;

    private readonly ILogger<PostgresAuditLog> _logger;
    private readonly PostgresAuditSchema _schema;
    private readonly PostgresStore _store;

    public PostgresAuditLog(IOptions<PostgresAuditLogOptions> options, ILogger<PostgresAuditLog> logger)
    {
        _logger = logger;
        _schema = new PostgresAuditSchema(options.Value.Schema);
        _store = new PostgresStore(
            NpgsqlDataSource.Create(options.Value.ConnectionString), SchemaLockKey, _schema.Create, () => AuditLogLog.Initialized(logger, "postgres"));
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _store.InitializeAsync(cancellationToken);

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        AuditEntryValidation.Validate(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await _store.WriteAsync(async (connection, transaction, ct) =>
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({AppendLockKey})"));
            foreach (var entry in entries)
            {
                var insert = new NpgsqlBatchCommand(_schema.Insert);
                insert.Parameters.Add(new NpgsqlParameter<string>("tenant", entry.TenantId));
                insert.Parameters.Add(new NpgsqlParameter<string>("at", AuditTime.Format(entry.At)));
                insert.Parameters.Add(new NpgsqlParameter<string>("at_utc", AuditTime.UtcKey(entry.At)));
                insert.Parameters.Add(new NpgsqlParameter<string>("actor", entry.Actor));
                insert.Parameters.Add(new NpgsqlParameter<string>("action", entry.Action));
                insert.Parameters.Add(new NpgsqlParameter<string>("target", entry.Target));
                insert.Parameters.Add(NullableText("before", entry.Before));
                insert.Parameters.Add(NullableText("after", entry.After));
                batch.BatchCommands.Add(insert);
            }

            await batch.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        AuditLogLog.Appended(_logger, entries.Count);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var command = await _store.CommandAsync("", cancellationToken);
        AuditQueryCommand.Prepare(command, _schema.Table, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AuditRows.ReadAllAsync(reader, cancellationToken);
    }

    private static NpgsqlParameter NullableText(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    /// <summary>Closes the pool.</summary>
    public ValueTask DisposeAsync() => _store.DisposeAsync();
}

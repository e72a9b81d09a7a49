using Microsoft.Data.Sqlite;
using Pulse.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Security;

namespace Pulse.Audit;

/// <summary>
/// The embedded audit log: a SQLite file of its own in WAL mode. Changes are rare next to business events, so each
/// append is a short transaction with a full fsync; SQLite's single writer numbers entries in commit order.
/// </summary>
public sealed class SqliteAuditLog : IAuditLog, IAsyncDisposable
{
    private readonly ILogger<SqliteAuditLog> _logger;
    private readonly SqliteStore _store;

    public SqliteAuditLog(IOptions<SqliteAuditLogOptions> options, ILogger<SqliteAuditLog> logger)
    {
        _logger = logger;
        _store = new SqliteStore(options.Value.Path, async (connection, ct) =>
        {
            await SqliteStore.ExecuteAsync(connection, SqliteAuditSchema.Create, ct);
            AuditLogLog.Initialized(logger, "sqlite");
        });
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _store.InitializeAsync(cancellationToken);

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        AuditEntryValidation.Validate(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await _store.WriteAsync(async (command, ct) =>
        {
            command.CommandText = SqliteAuditSchema.Insert;
            var tenant = command.Parameters.Add("$tenant", SqliteType.Text);
            var at = command.Parameters.Add("$at", SqliteType.Text);
            var atUtc = command.Parameters.Add("$at_utc", SqliteType.Text);
            var actor = command.Parameters.Add("$actor", SqliteType.Text);
            var action = command.Parameters.Add("$action", SqliteType.Text);
            var target = command.Parameters.Add("$target", SqliteType.Text);
            var before = command.Parameters.Add("$before", SqliteType.Text);
            var after = command.Parameters.Add("$after", SqliteType.Text);
            foreach (var entry in entries)
            {
                tenant.Value = entry.TenantId;
                at.Value = AuditTime.Format(entry.At);
                atUtc.Value = AuditTime.UtcKey(entry.At);
                actor.Value = entry.Actor;
                action.Value = entry.Action;
                target.Value = entry.Target;
                before.Value = (object?)entry.Before ?? DBNull.Value;
                after.Value = (object?)entry.After ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
            }
        }, cancellationToken);
        AuditLogLog.Appended(_logger, entries.Count);
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        _store.ReadAsync(async (command, ct) =>
        {
            AuditQueryCommand.Prepare(command, SqliteAuditSchema.Table, query);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await AuditRows.ReadAllAsync(reader, ct);
        }, cancellationToken);

    /// <summary>Closes the pooled connections, releasing the file.</summary>
    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }
}

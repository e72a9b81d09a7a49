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
public sealed class SqliteAuditLog(IOptions<SqliteAuditLogOptions> options, ILogger<SqliteAuditLog> logger)
    : IAuditLog, IAsyncDisposable
{
    private readonly string _path = Path.GetFullPath(options.Value.Path);
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Value.Path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    private readonly InitializeOnce _initialization = new();
    private readonly SqliteWriteGate _writeGate = SqliteWriteGate.For(options.Value.Path);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initialization.RunAsync(async ct =>
    {
        SqliteFiles.EnsureDirectoryFor(_path);
        await using (var connection = await OpenAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL;" + SqliteAuditSchema.Create;
            await command.ExecuteNonQueryAsync(ct);
        }

        AuditLogLog.Initialized(logger, "sqlite");
    }, cancellationToken);

    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        AuditEntryValidation.Validate(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await InitializeAsync(cancellationToken);
        await _writeGate.RunAsync(() => InsertAsync(entries, cancellationToken), cancellationToken);
    }

    private async Task InsertAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await SqliteDurability.ApplyWriterPragmasAsync(connection, cancellationToken);

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
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
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        AuditLogLog.Appended(logger, entries.Count);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        AuditQueryCommand.Prepare(command, SqliteAuditSchema.Table, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await AuditRows.ReadAllAsync(reader, cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Closes the pooled connections, releasing the file.</summary>
    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initialization.Dispose();
        return ValueTask.CompletedTask;
    }
}

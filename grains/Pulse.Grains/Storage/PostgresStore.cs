using Npgsql;

namespace Pulse.Storage;

/// <summary>
/// What every Pulse store on PostgreSQL shares (event log, audit log, grain state): a data source, the schema applied
/// once under an advisory lock (silos starting together do not race on CREATE), commands from the pool, and writes of
/// several statements as one transaction.
/// </summary>
/// <param name="initialized">Runs once the schema is in place (a store logs it).</param>
internal sealed class PostgresStore(NpgsqlDataSource dataSource, long schemaLockKey, string schema, Action? initialized = null) : IAsyncDisposable
{
    private readonly InitializeOnce _initialization = new();

    public NpgsqlDataSource DataSource => dataSource;

    public bool Initialized => _initialization.Done;

    /// <summary>Applies the schema once; a set-up that failed runs again on the next call.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        _initialization.RunAsync(async ct =>
        {
            await PostgresDdl.ApplyAsync(dataSource, schemaLockKey, schema, ct);
            initialized?.Invoke();
        }, cancellationToken);

    /// <summary>A command on a pooled connection (autocommitted), the schema applied first.</summary>
    public async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        return dataSource.CreateCommand(sql);
    }

    /// <summary>Runs <paramref name="write"/> inside one transaction that commits when it returns and rolls back if it throws.</summary>
    public async Task WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await write(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Closes the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        _initialization.Dispose();
    }
}

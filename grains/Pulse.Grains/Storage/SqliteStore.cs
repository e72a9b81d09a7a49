using Microsoft.Data.Sqlite;

namespace Pulse.Storage;

/// <summary>
/// What every Pulse store on a SQLite file shares (event log, audit log, grain state): the connection string, a
/// set-up run once (the file's folder, WAL mode, then the store's own schema), pooled connections for reads, and
/// writes as one durable transaction inside the file's <see cref="SqliteWriteGate"/>.
/// </summary>
internal sealed class SqliteStore : IDisposable
{
    private readonly InitializeOnce _initialization = new();
    private readonly Func<SqliteConnection, CancellationToken, Task> _setUp;

    /// <param name="path">The database file.</param>
    /// <param name="setUp">The store's own set-up on the first connection, after WAL mode is on: schema, migrations.</param>
    public SqliteStore(string path, Func<SqliteConnection, CancellationToken, Task> setUp)
    {
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        WriteGate = SqliteWriteGate.For(Path);
        _setUp = setUp;
    }

    /// <summary>A store whose set-up is one script.</summary>
    public SqliteStore(string path, string schema)
        : this(path, (connection, cancellationToken) => ExecuteAsync(connection, schema, cancellationToken))
    {
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>The file's write gate, for a writer that keeps a connection of its own.</summary>
    public SqliteWriteGate WriteGate { get; }

    public bool Initialized => _initialization.Done;

    /// <summary>Runs the set-up once; a set-up that failed runs again on the next call.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _initialization.RunAsync(async ct =>
    {
        SqliteFiles.EnsureDirectoryFor(Path);
        await using var connection = await OpenConnectionAsync(ct);
        // WAL is a property of the file: set once, readers then never block the writer.
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", ct);
        await _setUp(connection, ct);
    }, cancellationToken);

    /// <summary>Runs <paramref name="read"/> with a fresh command on a pooled connection.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteCommand, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        return await read(command, cancellationToken);
    }

    /// <summary>Runs <paramref name="read"/> with a fresh command on a pooled connection.</summary>
    public Task ReadAsync(Func<SqliteCommand, CancellationToken, Task> read, CancellationToken cancellationToken = default) =>
        ReadAsync(async (command, ct) =>
        {
            await read(command, ct);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> with a command inside one transaction that commits durably when it returns and
    /// rolls back if it throws; writers of the file queue for it in this process.
    /// </summary>
    public async Task WriteAsync(Func<SqliteCommand, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        await InitializeAsync(cancellationToken);
        await WriteGate.RunAsync(async () =>
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await SqliteDurability.ApplyWriterPragmasAsync(connection, cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            await write(command, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Closes the pooled connections, releasing the file.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initialization.Dispose();
    }
}

using Microsoft.Data.Sqlite;
using Pulse.Storage;

namespace Pulse.Tests.Storage;

/// <summary>The skeleton the SQLite stores share: set-up once, reads, and writes as one durable transaction.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private const string Schema = "CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pulse-store-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteStore> _opened = [];

    private SqliteStore Open(Func<SqliteConnection, CancellationToken, Task>? setUp = null)
    {
        var path = Path.Combine(_folder, "nested", "store.db");
        var store = setUp is null ? new SqliteStore(path, Schema) : new SqliteStore(path, setUp);
        _opened.Add(store);
        return store;
    }

    private static Task InsertAsync(SqliteStore store, string name) => store.WriteAsync(async (command, ct) =>
    {
        command.CommandText = "INSERT INTO items (name) VALUES ($name)";
        command.Parameters.AddWithValue("$name", name);
        await command.ExecuteNonQueryAsync(ct);
    }, Ct);

    private static Task<List<string>> NamesAsync(SqliteStore store) => store.ReadAsync(async (command, ct) =>
    {
        command.CommandText = "SELECT name FROM items ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }, Ct);

    [Fact]
    public async Task The_first_use_creates_the_folder_and_the_schema_in_WAL_mode()
    {
        var store = Open();

        await InsertAsync(store, "a");

        Assert.Equal(["a"], await NamesAsync(store));
        Assert.Equal("wal", await store.ReadAsync(async (command, ct) =>
        {
            command.CommandText = "PRAGMA journal_mode;";
            return (string)(await command.ExecuteScalarAsync(ct))!;
        }, Ct));
    }

    [Fact]
    public async Task A_write_that_throws_leaves_nothing_behind()
    {
        var store = Open();
        await InsertAsync(store, "kept");

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync(async (command, ct) =>
        {
            command.CommandText = "INSERT INTO items (name) VALUES ('half')";
            await command.ExecuteNonQueryAsync(ct);
            throw new InvalidOperationException("refused after the first statement");
        }, Ct));

        Assert.Equal(["kept"], await NamesAsync(store));
        await InsertAsync(store, "after"); // the gate and the file are free again
        Assert.Equal(["kept", "after"], await NamesAsync(Open()));
    }

    [Fact]
    public async Task Set_up_runs_once_for_racing_callers_and_again_after_it_failed()
    {
        var runs = 0;
        var store = Open(async (connection, ct) =>
        {
            if (Interlocked.Increment(ref runs) == 1) throw new InvalidOperationException("first set-up fails");
            await SqliteStore.ExecuteAsync(connection, Schema, ct);
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(Ct));
        Assert.False(store.Initialized);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => InsertAsync(store, $"n{i}")));

        Assert.Equal(2, runs);
        Assert.Equal(8, (await NamesAsync(store)).Count);
    }

    public void Dispose()
    {
        foreach (var store in _opened) store.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}

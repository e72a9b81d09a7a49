using Npgsql;
using Pulse.Storage;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.Storage;

/// <summary>The skeleton the PostgreSQL stores share: the schema once, commands from the pool, transactional writes.</summary>
public sealed class PostgresStoreTests(PostgresServer server) : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _schema = "store_" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<PostgresStore> _opened = [];

    private PostgresStore Open(Action? initialized = null)
    {
        var store = new PostgresStore(
            NpgsqlDataSource.Create(server.ConnectionString), 0x5075_6c73_6554_6573,
            $"CREATE SCHEMA IF NOT EXISTS {_schema}; CREATE TABLE IF NOT EXISTS {_schema}.items (name text NOT NULL);", initialized);
        _opened.Add(store);
        return store;
    }

    private async Task<long> CountAsync(PostgresStore store)
    {
        await using var command = await store.CommandAsync($"SELECT count(*) FROM {_schema}.items", Ct);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task Stores_starting_together_apply_the_schema_once_each_without_colliding()
    {
        var initialized = 0;
        var stores = Enumerable.Range(0, 4).Select(_ => Open(() => Interlocked.Increment(ref initialized))).ToArray();

        await Task.WhenAll(stores.SelectMany(s => new[] { s.InitializeAsync(Ct), s.InitializeAsync(Ct) }));

        Assert.Equal(4, initialized);
        Assert.All(stores, s => Assert.True(s.Initialized));
        Assert.Equal(0, await CountAsync(stores[0]));
    }

    [Fact]
    public async Task A_write_that_throws_leaves_nothing_behind()
    {
        var store = Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync(async (connection, transaction, ct) =>
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {_schema}.items VALUES ('half')", connection, transaction);
            await insert.ExecuteNonQueryAsync(ct);
            throw new InvalidOperationException("refused after the first statement");
        }, Ct));
        await store.WriteAsync(async (connection, transaction, ct) =>
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {_schema}.items VALUES ('kept')", connection, transaction);
            await insert.ExecuteNonQueryAsync(ct);
        }, Ct);

        Assert.Equal(1, await CountAsync(store));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
    }
}

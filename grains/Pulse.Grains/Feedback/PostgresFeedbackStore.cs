using Npgsql;
using NpgsqlTypes;
using Pulse.Storage;

namespace Pulse.Feedback;

/// <summary>The production feedback store on PostgreSQL; several silos write at once, each write one autocommitted statement.</summary>
public sealed class PostgresFeedbackStore : IFeedbackStore, IAsyncDisposable
{
    // Serialises schema creation across silos starting together (CREATE ... IF NOT EXISTS alone can still collide).
    private const long SchemaLockKey = 0x5075_6c73_6546_6462;

    private readonly PostgresStore _store;
    private readonly FeedbackSql _sql;

    public PostgresFeedbackStore(string connectionString, string schema = "pulse")
    {
        _store = new PostgresStore(NpgsqlDataSource.Create(connectionString), SchemaLockKey, PostgresFeedbackSchema.Create(schema));
        _sql = new FeedbackSql($"{schema}.feedback");
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _store.InitializeAsync(cancellationToken);

    public async Task<FeedbackItem> AddAsync(string tenantId, FeedbackItem item, CancellationToken cancellationToken = default)
    {
        await using var command = await _store.CommandAsync(_sql.Insert, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("employee", item.EmployeeId));
        command.Parameters.Add(new NpgsqlParameter<string>("author", item.Author));
        command.Parameters.Add(new NpgsqlParameter<string>("kind", item.Kind.ToString()));
        command.Parameters.Add(new NpgsqlParameter<string>("text", item.Text));
        command.Parameters.Add(NullableText("indicator", item.IndicatorId));
        command.Parameters.Add(new NpgsqlParameter<string>("at", FeedbackRows.FormatTime(item.At)));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return item with { Id = id, Reply = null };
    }

    public async Task<IReadOnlyList<FeedbackItem>> PageAsync(string tenantId, string employeeId, long? beforeId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = await _store.CommandAsync(_sql.Page, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("employee", employeeId));
        command.Parameters.Add(new NpgsqlParameter("before", NpgsqlDbType.Bigint) { Value = (object?)beforeId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await FeedbackRows.ReadAllAsync(reader, cancellationToken);
    }

    public async Task<FeedbackItem?> FindAsync(string tenantId, string employeeId, long id, CancellationToken cancellationToken = default)
    {
        await using var command = await _store.CommandAsync(_sql.Find, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("employee", employeeId));
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return (await FeedbackRows.ReadAllAsync(reader, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> ReplyAsync(string tenantId, string employeeId, long id, FeedbackReply reply, CancellationToken cancellationToken = default)
    {
        await using var command = await _store.CommandAsync(_sql.Reply, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("employee", employeeId));
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        command.Parameters.Add(new NpgsqlParameter<string>("reply_kind", reply.Kind.ToString()));
        command.Parameters.Add(NullableText("reply_text", reply.Text));
        command.Parameters.Add(new NpgsqlParameter<string>("reply_at", FeedbackRows.FormatTime(reply.At)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static NpgsqlParameter NullableText(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    /// <summary>Closes the pool.</summary>
    public ValueTask DisposeAsync() => _store.DisposeAsync();
}

using Microsoft.Data.Sqlite;
using Pulse.Storage;

namespace Pulse.Feedback;

/// <summary>The embedded feedback store: a SQLite file of its own in WAL mode; each write is one short durable transaction.</summary>
public sealed class SqliteFeedbackStore(string path) : IFeedbackStore, IAsyncDisposable
{
    private readonly SqliteStore _store = new(path, SqliteFeedbackSchema.Create);
    private readonly FeedbackSql _sql = new("feedback");

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _store.InitializeAsync(cancellationToken);

    public async Task<FeedbackItem> AddAsync(string tenantId, FeedbackItem item, CancellationToken cancellationToken = default)
    {
        long id = 0;
        await _store.WriteAsync(async (command, ct) =>
        {
            command.CommandText = _sql.Insert;
            command.Parameters.AddWithValue("@tenant", tenantId);
            command.Parameters.AddWithValue("@employee", item.EmployeeId);
            command.Parameters.AddWithValue("@author", item.Author);
            command.Parameters.AddWithValue("@kind", item.Kind.ToString());
            command.Parameters.AddWithValue("@text", item.Text);
            command.Parameters.AddWithValue("@indicator", (object?)item.IndicatorId ?? DBNull.Value);
            command.Parameters.AddWithValue("@at", FeedbackRows.FormatTime(item.At));
            id = (long)(await command.ExecuteScalarAsync(ct))!;
        }, cancellationToken);
        return item with { Id = id, Reply = null };
    }

    public Task<IReadOnlyList<FeedbackItem>> PageAsync(string tenantId, string employeeId, long? beforeId, int limit, CancellationToken cancellationToken = default) =>
        _store.ReadAsync(async (command, ct) =>
        {
            command.CommandText = _sql.Page;
            command.Parameters.AddWithValue("@tenant", tenantId);
            command.Parameters.AddWithValue("@employee", employeeId);
            command.Parameters.AddWithValue("@before", (object?)beforeId ?? DBNull.Value);
            command.Parameters.AddWithValue("@limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await FeedbackRows.ReadAllAsync(reader, ct);
        }, cancellationToken);

    public Task<FeedbackItem?> FindAsync(string tenantId, string employeeId, long id, CancellationToken cancellationToken = default) =>
        _store.ReadAsync(async (command, ct) =>
        {
            command.CommandText = _sql.Find;
            command.Parameters.AddWithValue("@tenant", tenantId);
            command.Parameters.AddWithValue("@employee", employeeId);
            command.Parameters.AddWithValue("@id", id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return (await FeedbackRows.ReadAllAsync(reader, ct)).SingleOrDefault();
        }, cancellationToken);

    public async Task<bool> ReplyAsync(string tenantId, string employeeId, long id, FeedbackReply reply, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        await _store.WriteAsync(async (command, ct) =>
        {
            command.CommandText = _sql.Reply;
            command.Parameters.AddWithValue("@tenant", tenantId);
            command.Parameters.AddWithValue("@employee", employeeId);
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@reply_kind", reply.Kind.ToString());
            command.Parameters.AddWithValue("@reply_text", (object?)reply.Text ?? DBNull.Value);
            command.Parameters.AddWithValue("@reply_at", FeedbackRows.FormatTime(reply.At));
            changed = await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
        return changed == 1;
    }

    /// <summary>Closes the pooled connections, releasing the file.</summary>
    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }
}

namespace Pulse.Feedback;

/// <summary>
/// The statements both stores run, on a table name that may carry a schema. Parameters are written <c>@name</c>,
/// which SQLite and Npgsql both accept. Times are ISO-8601 text: the offset the giver's clock had is kept.
/// </summary>
internal sealed class FeedbackSql(string table)
{
    private const string Columns = "id, employee, author, kind, text, indicator, at, reply_kind, reply_text, reply_at";

    public string Page { get; } = $"""
        SELECT {Columns} FROM {table}
        WHERE tenant = @tenant AND employee = @employee AND (@before IS NULL OR id < @before)
        ORDER BY id DESC LIMIT @limit
        """;

    public string Find { get; } = $"SELECT {Columns} FROM {table} WHERE tenant = @tenant AND employee = @employee AND id = @id";

    public string Insert { get; } = $"""
        INSERT INTO {table} (tenant, employee, author, kind, text, indicator, at)
        VALUES (@tenant, @employee, @author, @kind, @text, @indicator, @at) RETURNING id
        """;

    // The reply is set once: the condition and the write are one statement, so two replies at once cannot both win.
    public string Reply { get; } = $"""
        UPDATE {table} SET reply_kind = @reply_kind, reply_text = @reply_text, reply_at = @reply_at
        WHERE tenant = @tenant AND employee = @employee AND id = @id AND reply_kind IS NULL
        """;
}

namespace Pulse.Feedback;

internal static class SqliteFeedbackSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS feedback (
            id         INTEGER PRIMARY KEY AUTOINCREMENT,
            tenant     TEXT NOT NULL,
            employee   TEXT NOT NULL,
            author     TEXT NOT NULL,
            kind       TEXT NOT NULL,
            text       TEXT NOT NULL,
            indicator  TEXT,
            at         TEXT NOT NULL,
            reply_kind TEXT,
            reply_text TEXT,
            reply_at   TEXT
        );
        CREATE INDEX IF NOT EXISTS feedback_by_employee ON feedback (tenant, employee, id);
        """;
}

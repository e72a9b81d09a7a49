namespace Pulse.Feedback;

internal static class PostgresFeedbackSchema
{
    public static string Create(string schema) => $"""
        CREATE SCHEMA IF NOT EXISTS {schema};
        CREATE TABLE IF NOT EXISTS {schema}.feedback (
            id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tenant     text NOT NULL,
            employee   text NOT NULL,
            author     text NOT NULL,
            kind       text NOT NULL,
            text       text NOT NULL,
            indicator  text,
            at         text NOT NULL,
            reply_kind text,
            reply_text text,
            reply_at   text
        );
        CREATE INDEX IF NOT EXISTS feedback_by_employee ON {schema}.feedback (tenant, employee, id);
        """;
}

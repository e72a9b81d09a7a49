namespace Pulse.Reviews;

// Numbers are TEXT: SQLite would turn a NUMERIC column's decimals into doubles; the text keeps them exact.
internal static class SqliteArchiveSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS review_archive (
            tenant     TEXT NOT NULL,
            period     TEXT NOT NULL,
            employee   TEXT NOT NULL,
            department TEXT NOT NULL,
            composite  TEXT,
            grade      TEXT,
            indicators TEXT NOT NULL,
            pay_amount TEXT,
            currency   TEXT,
            source     TEXT NOT NULL,
            written_at TEXT NOT NULL,
            PRIMARY KEY (tenant, period, employee)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS review_archive_by_department ON review_archive (tenant, department, period);
        CREATE INDEX IF NOT EXISTS review_archive_by_employee ON review_archive (tenant, employee, period);
        CREATE TABLE IF NOT EXISTS review_archive_totals (
            tenant          TEXT NOT NULL,
            period          TEXT NOT NULL,
            department      TEXT NOT NULL,
            members         INTEGER NOT NULL,
            skipped         INTEGER NOT NULL,
            composite_sum   TEXT NOT NULL,
            composite_count INTEGER NOT NULL,
            indicators      TEXT NOT NULL,
            PRIMARY KEY (tenant, period, department)
        ) WITHOUT ROWID;
        """;
}

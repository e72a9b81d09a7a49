namespace Pulse.EventLog;

/// <summary>The SQLite event log's DDL and statements.</summary>
internal static class SqliteSchema
{
    // WITHOUT ROWID: rows live in primary-key order, so a stream reads as one range scan.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS events (
            tenant      TEXT    NOT NULL,
            employee_id TEXT    NOT NULL,
            seq         INTEGER NOT NULL,
            event_id    TEXT    NOT NULL,
            type        TEXT    NOT NULL,
            occurred_at TEXT    NOT NULL,
            period      TEXT    NOT NULL,
            data        TEXT    NOT NULL,
            source      TEXT,
            recorded_at TEXT    NOT NULL,
            PRIMARY KEY (tenant, employee_id, seq),
            UNIQUE (tenant, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS events_by_period ON events (tenant, employee_id, period);
        CREATE TABLE IF NOT EXISTS alerts (
            tenant       TEXT    NOT NULL,
            employee_id  TEXT    NOT NULL,
            period       TEXT    NOT NULL,
            indicator_id TEXT    NOT NULL,
            rule_id      TEXT    NOT NULL,
            at_seq       INTEGER NOT NULL,
            kind         TEXT    NOT NULL,
            value        TEXT    NOT NULL,
            threshold    TEXT    NOT NULL,
            occurred_at  TEXT    NOT NULL,
            PRIMARY KEY (tenant, employee_id, period, indicator_id, rule_id, at_seq, kind)
        ) WITHOUT ROWID;
        """;

    public const string StreamHead = "SELECT coalesce(max(seq), 0) FROM events WHERE tenant = $tenant AND employee_id = $employee";

    // A duplicate id changes no row; ExecuteNonQuery returning 0 is how the writer spots it.
    public const string InsertEvent = """
        INSERT INTO events (tenant, employee_id, seq, event_id, type, occurred_at, period, data, source, recorded_at)
        VALUES ($tenant, $employee, $seq, $id, $type, $occurred, $period, $data, $source, $recorded)
        ON CONFLICT (tenant, event_id) DO NOTHING
        """;

    public const string ReadStream = $"""
        SELECT {EventRows.Columns} FROM events
        WHERE tenant = $tenant AND employee_id = $employee AND seq > $after
        ORDER BY seq LIMIT $limit
        """;

    public const string ReadPeriod = $"""
        SELECT {EventRows.Columns} FROM events
        WHERE tenant = $tenant AND employee_id = $employee AND period = $period
        ORDER BY seq
        """;

    public const string InsertAlert = """
        INSERT INTO alerts (tenant, employee_id, period, indicator_id, rule_id, at_seq, kind, value, threshold, occurred_at)
        VALUES ($tenant, $employee, $period, $indicator, $rule, $seq, $kind, $value, $threshold, $occurred)
        ON CONFLICT DO NOTHING
        """;

    public const string ReadAlerts = $"""
        SELECT {AlertRows.Columns} FROM alerts
        WHERE tenant = $tenant AND employee_id = $employee
        ORDER BY at_seq DESC, period DESC, indicator_id, rule_id, kind
        LIMIT $limit
        """;
}

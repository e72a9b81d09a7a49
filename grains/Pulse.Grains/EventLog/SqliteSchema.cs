namespace Pulse.EventLog;

/// <summary>The SQLite event log's DDL and statements.</summary>
internal static class SqliteSchema
{
    // Rows are stored in append order (position, the rowid), so a commit writes its events onto a few fresh pages;
    // only the two unique indexes take an entry each. The first layout clustered rows by stream (WITHOUT ROWID on
    // (tenant, employee_id, seq)) with an index by period: a commit of ~500 events over ~200 employees then touched
    // ~200 table pages and ~200 index pages, about 900 pages (3.7 MB) of write-ahead log per commit against ~330 now,
    // and the single writer spent most of its time writing those (docs/benchmarks.md, sixth round).
    // A period's events are found through period_spans instead: one small row per stream and period holding the
    // first and last position of that period in the stream, so reading a period is one range of the stream index.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS events (
            position    INTEGER PRIMARY KEY,
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
            UNIQUE (tenant, employee_id, seq),
            UNIQUE (tenant, event_id)
        );
        CREATE TABLE IF NOT EXISTS period_spans (
            tenant      TEXT    NOT NULL,
            employee_id TEXT    NOT NULL,
            period      TEXT    NOT NULL,
            first_seq   INTEGER NOT NULL,
            last_seq    INTEGER NOT NULL,
            PRIMARY KEY (tenant, employee_id, period)
        ) WITHOUT ROWID;
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

    // A period with no span has no events: the bounds are null and the range is empty. A late event for an old
    // period widens its span over the events between, which the period filter skips.
    public const string ReadPeriod = $"""
        SELECT {EventRows.Columns} FROM events
        WHERE tenant = $tenant AND employee_id = $employee AND period = $period
          AND seq BETWEEN (SELECT first_seq FROM period_spans WHERE tenant = $tenant AND employee_id = $employee AND period = $period)
                      AND (SELECT last_seq FROM period_spans WHERE tenant = $tenant AND employee_id = $employee AND period = $period)
        ORDER BY seq
        """;

    public const string WidenSpan = """
        INSERT INTO period_spans (tenant, employee_id, period, first_seq, last_seq)
        VALUES ($tenant, $employee, $period, $first, $last)
        ON CONFLICT (tenant, employee_id, period) DO UPDATE
        SET first_seq = min(first_seq, excluded.first_seq), last_seq = max(last_seq, excluded.last_seq)
        """;

    /// <summary>True when the file holds the first layout (events clustered by stream), which <see cref="MigrateClustered"/> converts.</summary>
    public const string IsClustered = """
        SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'events')
           AND NOT EXISTS (SELECT 1 FROM pragma_table_info('events') WHERE name = 'position')
        """;

    // Run in one transaction before Create: the old table keeps its name until its rows are copied, so a failure
    // leaves the file as it was. Rows are copied in stream order; positions only order storage, never events.
    public const string MigrateClustered = """
        ALTER TABLE events RENAME TO events_clustered;
        DROP INDEX IF EXISTS events_by_period;
        """ + Create + """
        INSERT INTO events (tenant, employee_id, seq, event_id, type, occurred_at, period, data, source, recorded_at)
        SELECT tenant, employee_id, seq, event_id, type, occurred_at, period, data, source, recorded_at
        FROM events_clustered ORDER BY tenant, employee_id, seq;
        INSERT INTO period_spans (tenant, employee_id, period, first_seq, last_seq)
        SELECT tenant, employee_id, period, min(seq), max(seq) FROM events GROUP BY tenant, employee_id, period;
        DROP TABLE events_clustered;
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

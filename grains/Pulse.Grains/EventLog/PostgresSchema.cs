namespace Pulse.EventLog;

/// <summary>
/// The PostgreSQL event log's DDL and statements for one schema. Same tables as SQLite: occurred_at stays ISO-8601
/// text because timestamptz keeps neither the sender's offset nor sub-microsecond ticks.
/// </summary>
internal sealed class PostgresSchema(string schema)
{
    public string Create { get; } = $"""
        CREATE SCHEMA IF NOT EXISTS {schema};
        CREATE TABLE IF NOT EXISTS {schema}.events (
            tenant      text        NOT NULL,
            employee_id text        NOT NULL,
            seq         bigint      NOT NULL,
            event_id    text        NOT NULL,
            type        text        NOT NULL,
            occurred_at text        NOT NULL,
            period      text        NOT NULL,
            data        text        NOT NULL,
            source      text,
            recorded_at timestamptz NOT NULL,
            PRIMARY KEY (tenant, employee_id, seq),
            UNIQUE (tenant, event_id)
        );
        -- Period first, on purpose: an index leading with (tenant, employee_id) ties with the primary key for the
        -- planner whenever it guesses one row per employee (a tenant its statistics have not seen yet), and a cached
        -- plan that picked it made every stream-position probe read the employee's whole stream. Leading with the
        -- period, this index serves reads of one period and nothing else.
        CREATE INDEX IF NOT EXISTS events_by_period_first ON {schema}.events (period, tenant, employee_id);
        -- A gentler autovacuum for this table only. The table only grows, and each insert-triggered vacuum visits
        -- every page written since the last one to mark it all-visible: at the default pace (2 ms of sleep per cost
        -- budget) that is a burst of hundreds of megabytes of page writes which, on a small server, doubled the
        -- tail latency of the commits it overlapped (docs/benchmarks.md, fifth round). At 10 ms it still roughly keeps
        -- pace with 30,000 events a second sustained, far above what a company's systems send.
        -- Set only when the table has no pace of its own: an operator's value stays, and ALTER TABLE would wait for a
        -- running anti-wraparound vacuum of the table (and cancel an ordinary one) at every silo start.
        DO $$
        BEGIN
            IF NOT EXISTS (
                SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, unnest(c.reloptions) AS o(option)
                WHERE n.nspname = '{schema}' AND c.relname = 'events' AND o.option LIKE 'autovacuum_vacuum_cost_delay=%') THEN
                ALTER TABLE {schema}.events SET (autovacuum_vacuum_cost_delay = 10);
            END IF;
        END $$;
        DROP INDEX IF EXISTS {schema}.events_by_period;
        CREATE TABLE IF NOT EXISTS {schema}.alerts (
            tenant       text    NOT NULL,
            employee_id  text    NOT NULL,
            period       text    NOT NULL,
            indicator_id text    NOT NULL,
            rule_id      text    NOT NULL,
            at_seq       bigint  NOT NULL,
            kind         text    NOT NULL,
            value        numeric NOT NULL,
            threshold    numeric NOT NULL,
            occurred_at  text    NOT NULL,
            PRIMARY KEY (tenant, employee_id, period, indicator_id, rule_id, at_seq, kind)
        );
        """;

    // The correlated max(seq) is one backward step on the primary key per stream.
    public string StreamHeads { get; } = $"""
        SELECT s.tenant, s.employee_id,
               coalesce((SELECT max(e.seq) FROM {schema}.events e WHERE e.tenant = s.tenant AND e.employee_id = s.employee_id), 0)
        FROM unnest(@tenants::text[], @employees::text[]) AS s(tenant, employee_id)
        """;

    public string ExistingIds { get; } = $"""
        SELECT e.tenant, e.event_id
        FROM {schema}.events e
        JOIN unnest(@tenants::text[], @ids::text[]) AS k(tenant, event_id) ON e.tenant = k.tenant AND e.event_id = k.event_id
        """;

    // One statement for the whole batch. Duplicates were filtered already; a row skipped here means another writer
    // raced us, which the caller turns into a retry.
    public string InsertEvents { get; } = $"""
        INSERT INTO {schema}.events (tenant, employee_id, seq, event_id, type, occurred_at, period, data, source, recorded_at)
        SELECT r.tenant, r.employee_id, r.seq, r.event_id, r.type, r.occurred_at, r.period, r.data, r.source, @recorded
        FROM unnest(@tenants::text[], @employees::text[], @seqs::bigint[], @ids::text[], @types::text[],
                    @occurred::text[], @periods::text[], @data::text[], @sources::text[])
             AS r(tenant, employee_id, seq, event_id, type, occurred_at, period, data, source)
        ON CONFLICT (tenant, event_id) DO NOTHING
        """;

    // The optimistic insert: one statement, committed on its own (autocommit), trusting each append's expected
    // position. Any surprise fails the whole statement and the writer takes the careful path: an id already in the
    // log or a position another writer took breaks a unique key; an expected position the stream never reached
    // (the append names one past the head) finds its anchor row missing and the statement raises.
    public string InsertEventsOptimistically { get; } = $"""
        WITH unanchored AS (
            SELECT 1 FROM unnest(@anchor_tenants::text[], @anchor_employees::text[], @anchor_seqs::bigint[]) AS a(tenant, employee_id, seq)
            WHERE NOT EXISTS (SELECT 1 FROM {schema}.events e WHERE e.tenant = a.tenant AND e.employee_id = a.employee_id AND e.seq = a.seq)
        )
        INSERT INTO {schema}.events (tenant, employee_id, seq, event_id, type, occurred_at, period, data, source, recorded_at)
        SELECT r.tenant, r.employee_id, r.seq, r.event_id, r.type, r.occurred_at, r.period, r.data, r.source, @recorded
        FROM unnest(@tenants::text[], @employees::text[], @seqs::bigint[], @ids::text[], @types::text[],
                    @occurred::text[], @periods::text[], @data::text[], @sources::text[])
             AS r(tenant, employee_id, seq, event_id, type, occurred_at, period, data, source)
        WHERE NOT EXISTS (SELECT 1 FROM unanchored)
        """;

    public string ReadStream { get; } = $"""
        SELECT {EventRows.Columns} FROM {schema}.events
        WHERE tenant = @tenant AND employee_id = @employee AND seq > @after
        ORDER BY seq LIMIT @limit
        """;

    public string ReadPeriod { get; } = $"""
        SELECT {EventRows.Columns} FROM {schema}.events
        WHERE tenant = @tenant AND employee_id = @employee AND period = @period
        ORDER BY seq
        """;

    public string InsertAlerts { get; } = $"""
        INSERT INTO {schema}.alerts (tenant, employee_id, period, indicator_id, rule_id, at_seq, kind, value, threshold, occurred_at)
        SELECT * FROM unnest(@tenants::text[], @employees::text[], @periods::text[], @indicators::text[], @rules::text[],
                             @seqs::bigint[], @kinds::text[], @values::numeric[], @thresholds::numeric[], @occurred::text[])
        ON CONFLICT DO NOTHING
        """;

    public string ReadAlerts { get; } = $"""
        SELECT {AlertRows.Columns} FROM {schema}.alerts
        WHERE tenant = @tenant AND employee_id = @employee
        ORDER BY at_seq DESC, period DESC, indicator_id, rule_id, kind
        LIMIT @limit
        """;
}

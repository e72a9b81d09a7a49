namespace Pulse.Audit;

/// <summary>
/// The PostgreSQL audit log's DDL and statements for one schema. Same columns as SQLite: <c>at</c> stays ISO-8601
/// text because timestamptz keeps neither the offset nor sub-microsecond ticks.
/// </summary>
internal sealed class PostgresAuditSchema(string schema)
{
    public string Table { get; } = $"{schema}.audit";

    // at_utc is compared as text: collation "C" makes that byte order, whatever the database's locale.
    // The statement-level trigger also fires for TRUNCATE, which row-level DELETE triggers do not see, and for an
    // UPDATE or DELETE that matches no row, so any attempt fails loudly.
    public string Create { get; } = $"""
        CREATE SCHEMA IF NOT EXISTS {schema};
        CREATE TABLE IF NOT EXISTS {schema}.audit (
            id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tenant text NOT NULL,
            at     text NOT NULL,
            at_utc text COLLATE "C" NOT NULL,
            actor  text NOT NULL,
            action text NOT NULL,
            target text NOT NULL,
            before text,
            after  text
        );
        CREATE INDEX IF NOT EXISTS audit_by_tenant ON {schema}.audit (tenant, id);
        CREATE INDEX IF NOT EXISTS audit_by_time ON {schema}.audit (tenant, at_utc);
        CREATE OR REPLACE FUNCTION {schema}.audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            RAISE EXCEPTION 'audit log is append-only' USING ERRCODE = 'restrict_violation';
        END
        $fn$;
        CREATE OR REPLACE TRIGGER audit_append_only
            BEFORE UPDATE OR DELETE OR TRUNCATE ON {schema}.audit
            FOR EACH STATEMENT EXECUTE FUNCTION {schema}.audit_append_only();
        """;

    public string Insert { get; } = $"""
        INSERT INTO {schema}.audit (tenant, at, at_utc, actor, action, target, before, after)
        VALUES (@tenant, @at, @at_utc, @actor, @action, @target, @before, @after)
        """;
}

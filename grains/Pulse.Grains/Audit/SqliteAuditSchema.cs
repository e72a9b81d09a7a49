namespace Pulse.Audit;

/// <summary>The SQLite audit log's DDL and statements.</summary>
internal static class SqliteAuditSchema
{
    public const string Table = "audit";

    // AUTOINCREMENT: ids are never reused, even after the newest row is gone (which the triggers forbid anyway).
    // The triggers make the promise hold for every client of the file, not only this class.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS audit (
            id     INTEGER PRIMARY KEY AUTOINCREMENT,
            tenant TEXT NOT NULL,
            at     TEXT NOT NULL,
            at_utc TEXT NOT NULL,
            actor  TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            before TEXT,
            after  TEXT
        );
        CREATE INDEX IF NOT EXISTS audit_by_tenant ON audit (tenant, id);
        CREATE INDEX IF NOT EXISTS audit_by_time ON audit (tenant, at_utc);
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        """;

    public const string Insert = """
        INSERT INTO audit (tenant, at, at_utc, actor, action, target, before, after)
        VALUES ($tenant, $at, $at_utc, $actor, $action, $target, $before, $after)
        """;
}

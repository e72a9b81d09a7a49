namespace Pulse.Storage;

/// <summary>SQL of the grain state table: one row per grain and state name, guarded by its ETag.</summary>
internal static class SqliteGrainStorageSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            etag       TEXT NOT NULL,
            payload    BLOB NOT NULL,
            PRIMARY KEY (grain_type, grain_id)
        ) WITHOUT ROWID;
        """;

    public const string Read = "SELECT etag, payload FROM grain_state WHERE grain_type = $type AND grain_id = $id";

    public const string ReadEtag = "SELECT etag FROM grain_state WHERE grain_type = $type AND grain_id = $id";

    public const string Insert = """
        INSERT INTO grain_state (grain_type, grain_id, etag, payload) VALUES ($type, $id, $etag, $payload)
        ON CONFLICT DO NOTHING
        """;

    public const string Update = """
        UPDATE grain_state SET etag = $etag, payload = $payload
        WHERE grain_type = $type AND grain_id = $id AND etag = $expected
        """;

    public const string Delete = "DELETE FROM grain_state WHERE grain_type = $type AND grain_id = $id AND etag = $expected";
}

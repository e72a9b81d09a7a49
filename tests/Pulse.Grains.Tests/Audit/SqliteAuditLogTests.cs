using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pulse.Audit;

namespace Pulse.Tests.Audit;

public sealed class SqliteAuditLogTests : AuditLogContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pulse-audit-" + Guid.NewGuid().ToString("N"));

    private string DbPath => Path.Combine(_folder, "data", "audit.db");

    // A nested path proves the store creates its directory.
    protected override IAuditLog OpenStore() => new SqliteAuditLog(
        Options.Create(new SqliteAuditLogOptions { Path = DbPath }),
        NullLogger<SqliteAuditLog>.Instance);

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{table}", "audit", StringComparison.Ordinal);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task The_file_is_in_wal_mode()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

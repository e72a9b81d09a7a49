using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Pulse.Audit;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.Audit;

/// <summary>The contract against a real PostgreSQL server; each test gets a schema of its own.</summary>
public sealed class PostgresAuditLogTests(PostgresServer server) : AuditLogContractTests
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    protected override IAuditLog OpenStore() => new PostgresAuditLog(
        Options.Create(new PostgresAuditLogOptions { ConnectionString = server.ConnectionString, Schema = _schema }),
        NullLogger<PostgresAuditLog>.Instance);

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql.Replace("{table}", $"{_schema}.audit", StringComparison.Ordinal), connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task Truncate_fails_too()
    {
        await Log.AppendAsync([new("t1", DateTimeOffset.UnixEpoch, "admin", "role.put", "role/hr", null, "{}")], Ct);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteRawAsync("TRUNCATE {table}"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Single(await Log.QueryAsync(new AuditQuery("t1"), Ct));
    }

    [Fact]
    public async Task Appends_from_two_stores_at_once_all_land_with_distinct_ids()
    {
        // Two store instances stand for two silos.
        await using var a = (PostgresAuditLog)OpenStore();
        await using var b = (PostgresAuditLog)OpenStore();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? a : b).AppendAsync([new("t1", DateTimeOffset.UnixEpoch, "hr1", $"a.{i}", "x", null, null)], Ct)));

        var records = await Log.QueryAsync(new AuditQuery("t1", Limit: 100), Ct);
        Assert.Equal(40, records.Count);
        Assert.Equal(40, records.Select(r => r.Entry.Action).Distinct().Count());
        Assert.Equal(40, records.Select(r => r.Id).Distinct().Count());
    }
}

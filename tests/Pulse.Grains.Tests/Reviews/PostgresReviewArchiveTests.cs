using Npgsql;
using Pulse.Reviews;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.Reviews;

/// <summary>The contract against a real PostgreSQL server; each test gets a schema of its own.</summary>
public sealed class PostgresReviewArchiveTests(PostgresServer server) : ReviewArchiveContractTests
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");

    protected override IReviewArchive OpenStore() => new PostgresReviewArchive(server.ConnectionString, Clock, _schema);

    protected override async Task CorruptAsync(string tenantId, string period, string employeeId, string indicatorsJson)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"UPDATE {_schema}.review_archive SET indicators = @json WHERE tenant = @t AND period = @p AND employee = @e", connection);
        command.Parameters.AddWithValue("json", indicatorsJson);
        command.Parameters.AddWithValue("t", tenantId);
        command.Parameters.AddWithValue("p", period);
        command.Parameters.AddWithValue("e", employeeId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql.Replace("{rows}", $"{_schema}.review_archive", StringComparison.Ordinal).Replace("{totals}", $"{_schema}.review_archive_totals", StringComparison.Ordinal), connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task An_import_and_a_cycle_of_the_same_month_racing_never_mix()
    {
        var results = Enumerable.Range(0, 50).Select(i => new ArchivedResult($"e{i}", "biz", 70m, "B", new Dictionary<string, decimal>(), new Dictionary<string, decimal>(), "cycle")).ToList();
        var other = Open();

        var import = other.ImportAsync("t1", results.Select(r => new ArchivedMonthResult("2024-08", r with { EmployeeId = "x" + r.EmployeeId })).ToList(), Ct);
        var save = Store.SaveCycleAsync("t1", "2024-08", results, Ct);
        await Task.WhenAll(import, save);

        var rows = (await Store.ReadAsync("t1", ArchiveQuery.Month("2024-08"), 1000, Ct)).Rows;
        // Either the import went first and the cycle replaced the month, or the cycle went first and the import was refused.
        Assert.All(rows, r => Assert.Equal("cycle", r.Result.Source));
        Assert.Equal(50, rows.Count);
        // The month's totals were written with whichever write came last: the cycle's 50 rows.
        var totals = await Store.TotalsAsync("t1", ArchiveQuery.Month("2024-08"), Ct);
        Assert.Equal([("biz", 50, 3500m)], totals.Select(t => (t.DepartmentId, t.Members, t.CompositeSum)));
    }
}

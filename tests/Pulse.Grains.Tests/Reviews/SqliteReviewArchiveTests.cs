using Microsoft.Data.Sqlite;
using Pulse.Reviews;

namespace Pulse.Tests.Reviews;

public sealed class SqliteReviewArchiveTests : ReviewArchiveContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pulse-archive-" + Guid.NewGuid().ToString("N"));

    private string FilePath => Path.Combine(_folder, "data", "reviews.db");

    // A nested path proves the store creates its directory.
    protected override IReviewArchive OpenStore() => new SqliteReviewArchive(FilePath, Clock);

    protected override async Task CorruptAsync(string tenantId, string period, string employeeId, string indicatorsJson)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE review_archive SET indicators = $json, composite = 'many' WHERE tenant = $t AND period = $p AND employee = $e";
        command.Parameters.AddWithValue("$json", indicatorsJson);
        command.Parameters.AddWithValue("$t", tenantId);
        command.Parameters.AddWithValue("$p", period);
        command.Parameters.AddWithValue("$e", employeeId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Replace("{rows}", "review_archive", StringComparison.Ordinal).Replace("{totals}", "review_archive_totals", StringComparison.Ordinal);
        await command.ExecuteNonQueryAsync(Ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

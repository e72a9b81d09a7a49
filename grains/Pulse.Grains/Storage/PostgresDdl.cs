using Npgsql;

namespace Pulse.Storage;

/// <summary>Applies a store's schema in one transaction under an advisory lock, so silos starting together do not race on CREATE.</summary>
internal static class PostgresDdl
{
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, long lockKey, string ddl, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({lockKey}); {ddl}", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using Pulse.Storage;

namespace Pulse.Reviews;

/// <summary>The embedded archive: a SQLite file of its own in WAL mode; each save or import is one durable transaction.</summary>
public sealed class SqliteReviewArchive(string path, TimeProvider clock) : IReviewArchive, IAsyncDisposable
{
    private readonly SqliteStore _store = new(path, SqliteArchiveSchema.Create);
    private readonly ArchiveSql _sql = new("review_archive");

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _store.InitializeAsync(cancellationToken);

    public Task SaveCycleAsync(string tenantId, string period, IReadOnlyList<ArchivedResult> results, CancellationToken cancellationToken)
    {
        ArchiveChecks.Month(period);
        var writtenAt = ArchiveRows.FormatTime(clock.GetUtcNow());
        return _store.WriteAsync(async (command, ct) =>
        {
            command.CommandText = _sql.DeleteMonth;
            command.Parameters.AddWithValue("@tenant", tenantId);
            command.Parameters.AddWithValue("@period", period);
            await command.ExecuteNonQueryAsync(ct);

            command.CommandText = _sql.Insert;
            foreach (var result in results)
            {
                Bind(command, tenantId, period, result with { Source = ArchivedResult.FromCycle }, writtenAt);
                await command.ExecuteNonQueryAsync(ct);
            }
        }, cancellationToken);
    }

    public async Task<ArchiveImportOutcome> ImportAsync(string tenantId, IReadOnlyList<ArchivedMonthResult> results, CancellationToken cancellationToken = default)
    {
        foreach (var row in results)
        {
            ArchiveChecks.Month(row.Period);
        }

        var writtenAt = ArchiveRows.FormatTime(clock.GetUtcNow());
        var periods = results.Select(r => r.Period).Distinct(StringComparer.Ordinal).ToList();
        IReadOnlyList<string> conflicts = [];
        try
        {
            await _store.WriteAsync(async (command, ct) =>
            {
                // The whole write holds the file's write lock: no cycle can be saved between this check and the rows.
                conflicts = await CyclePeriodsAsync(command, tenantId, periods, ct);
                if (conflicts.Count > 0)
                {
                    throw new ArchiveConflictException(conflicts);
                }

                command.Parameters.Clear();
                command.CommandText = _sql.Upsert;
                foreach (var row in results)
                {
                    Bind(command, tenantId, row.Period, row.Result with { Source = ArchivedResult.FromImport }, writtenAt);
                    if (await command.ExecuteNonQueryAsync(ct) != 1)
                    {
                        throw new ArchiveConflictException([row.Period]);
                    }
                }
            }, cancellationToken);
        }
        catch (ArchiveConflictException conflict)
        {
            return new ArchiveImportOutcome(0, conflict.Months);
        }

        return new ArchiveImportOutcome(results.Count, []);
    }

    public Task<IReadOnlySet<string>> CyclePeriodsAsync(string tenantId, IReadOnlyCollection<string> periods, CancellationToken cancellationToken = default) =>
        _store.ReadAsync<IReadOnlySet<string>>(async (command, ct) =>
            (await CyclePeriodsAsync(command, tenantId, periods.ToList(), ct)).ToHashSet(StringComparer.Ordinal), cancellationToken);

    public Task<ArchiveRead> ReadAsync(string tenantId, ArchiveQuery query, int limit, CancellationToken cancellationToken = default) =>
        _store.ReadAsync(async (command, ct) =>
        {
            command.CommandText = _sql.Read(query);
            command.Parameters.AddWithValue("@tenant", tenantId);
            command.Parameters.AddWithValue("@from", query.FromPeriod);
            command.Parameters.AddWithValue("@to", query.ToPeriod);
            var i = 0;
            foreach (var department in query.DepartmentIds ?? [])
            {
                command.Parameters.AddWithValue($"@d{i++}", department);
            }

            if (query.EmployeeId is not null) command.Parameters.AddWithValue("@employee", query.EmployeeId);
            command.Parameters.AddWithValue("@limit", limit + 1);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ArchiveRows.ReadAllAsync(reader, limit, ct);
        }, cancellationToken);

    private async Task<IReadOnlyList<string>> CyclePeriodsAsync(SqliteCommand command, string tenantId, List<string> periods, CancellationToken ct)
    {
        command.Parameters.Clear();
        command.CommandText = _sql.CyclePeriods(periods.Count);
        command.Parameters.AddWithValue("@tenant", tenantId);
        for (var i = 0; i < periods.Count; i++)
        {
            command.Parameters.AddWithValue($"@p{i}", periods[i]);
        }

        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(reader.GetString(0));
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static void Bind(SqliteCommand command, string tenantId, string period, ArchivedResult result, string writtenAt)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("@tenant", tenantId);
        command.Parameters.AddWithValue("@period", period);
        command.Parameters.AddWithValue("@employee", result.EmployeeId);
        command.Parameters.AddWithValue("@department", result.DepartmentId);
        command.Parameters.AddWithValue("@composite", Text(result.Composite));
        command.Parameters.AddWithValue("@grade", (object?)result.Grade ?? DBNull.Value);
        command.Parameters.AddWithValue("@indicators", ArchiveRows.FormatIndicators(result));
        command.Parameters.AddWithValue("@pay_amount", Text(result.PayAmount));
        command.Parameters.AddWithValue("@currency", (object?)result.Currency ?? DBNull.Value);
        command.Parameters.AddWithValue("@source", result.Source);
        command.Parameters.AddWithValue("@written_at", writtenAt);
    }

    // Written as given (the provider's own decimal text would add a ".0"), so both engines read back the same scale.
    private static object Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? (object)DBNull.Value;

    /// <summary>Closes the pooled connections, releasing the file.</summary>
    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }
}

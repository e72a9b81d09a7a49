using System.Globalization;
using Microsoft.Data.Sqlite;
using Pulse.Storage;

namespace Pulse.Reviews;

/// <summary>The embedded archive: a SQLite file of its own in WAL mode; each save or import is one durable transaction.</summary>
public sealed class SqliteReviewArchive(string path, TimeProvider clock) : IReviewArchive, IAsyncDisposable
{
    private readonly SqliteStore _store = new(path, SqliteArchiveSchema.Create);
    private readonly ArchiveSql _sql = new("review_archive", "review_archive_totals");

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

            await WriteTotalsAsync(command, tenantId, period, ct);
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

                foreach (var period in periods)
                {
                    await WriteTotalsAsync(command, tenantId, period, ct);
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

    public async Task<IReadOnlyList<DepartmentMonthTotals>> TotalsAsync(string tenantId, ArchiveQuery query, CancellationToken cancellationToken = default)
    {
        if (query.EmployeeId is not null) throw new ArgumentException("Totals are per department, not per employee.", nameof(query));
        var missing = await _store.ReadAsync(async (command, ct) =>
        {
            command.CommandText = _sql.MonthsWithoutTotals;
            BindRange(command, tenantId, query);
            return await ReadPeriodsAsync(command, ct);
        }, cancellationToken);
        await WriteMissingTotalsAsync(tenantId, missing, cancellationToken);

        var (totals, damaged) = await ReadTotalsAsync(tenantId, query, cancellationToken);
        if (damaged.Count == 0) return totals;
        await WriteMissingTotalsAsync(tenantId, damaged, cancellationToken);
        return (await ReadTotalsAsync(tenantId, query, cancellationToken)).Totals;
    }

    private Task<(List<DepartmentMonthTotals> Totals, SortedSet<string> Damaged)> ReadTotalsAsync(string tenantId, ArchiveQuery query, CancellationToken cancellationToken) =>
        _store.ReadAsync(async (command, ct) =>
        {
            command.CommandText = _sql.ReadTotals(query);
            BindRange(command, tenantId, query);
            var i = 0;
            foreach (var department in query.DepartmentIds ?? [])
            {
                command.Parameters.AddWithValue($"@d{i++}", department);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ArchiveTotalsRows.ReadAllAsync(reader, ct);
        }, cancellationToken);

    // Computing a month's totals again from its rows is idempotent, so two silos filling the same month both write the same.
    private async Task WriteMissingTotalsAsync(string tenantId, IReadOnlyCollection<string> periods, CancellationToken cancellationToken)
    {
        if (periods.Count == 0) return;
        await _store.WriteAsync(async (command, ct) =>
        {
            foreach (var period in periods)
            {
                await WriteTotalsAsync(command, tenantId, period, ct);
            }
        }, cancellationToken);
    }

    /// <summary>Replaces the month's totals with sums of its rows as they are inside the running transaction.</summary>
    private async Task WriteTotalsAsync(SqliteCommand command, string tenantId, string period, CancellationToken ct)
    {
        command.Parameters.Clear();
        command.CommandText = _sql.MonthRows;
        command.Parameters.AddWithValue("@tenant", tenantId);
        command.Parameters.AddWithValue("@period", period);
        List<DepartmentMonthTotals> totals;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            totals = await ArchiveTotalsRows.FromRowsAsync(reader, period, ct);
        }

        command.CommandText = _sql.DeleteTotals;
        await command.ExecuteNonQueryAsync(ct);
        command.CommandText = _sql.InsertTotals;
        foreach (var department in totals)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("@tenant", tenantId);
            command.Parameters.AddWithValue("@period", period);
            command.Parameters.AddWithValue("@department", department.DepartmentId);
            command.Parameters.AddWithValue("@members", department.Members);
            command.Parameters.AddWithValue("@skipped", department.Skipped);
            command.Parameters.AddWithValue("@composite_sum", Text(department.CompositeSum));
            command.Parameters.AddWithValue("@composite_count", department.CompositeCount);
            command.Parameters.AddWithValue("@indicators", ArchiveTotalsRows.FormatIndicators(department.Indicators));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void BindRange(SqliteCommand command, string tenantId, ArchiveQuery query)
    {
        command.Parameters.AddWithValue("@tenant", tenantId);
        command.Parameters.AddWithValue("@from", query.FromPeriod);
        command.Parameters.AddWithValue("@to", query.ToPeriod);
    }

    private static async Task<List<string>> ReadPeriodsAsync(SqliteCommand command, CancellationToken ct)
    {
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

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

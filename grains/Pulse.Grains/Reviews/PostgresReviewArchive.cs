using Npgsql;
using NpgsqlTypes;
using Pulse.Storage;

namespace Pulse.Reviews;

/// <summary>
/// The production archive on PostgreSQL. A save and an import of the same tenant and month serialise on a
/// transaction-scoped advisory lock of that month, so an import can never slip rows into a month a cycle is writing.
/// </summary>
public sealed class PostgresReviewArchive : IReviewArchive, IAsyncDisposable
{
    // Serialises schema creation across silos starting together (CREATE ... IF NOT EXISTS alone can still collide).
    private const long SchemaLockKey = 0x5075_6c73_6541_7263;

    // Rows per round trip when many are written at once (an import of years of history).
    private const int BatchSize = 500;

    private readonly PostgresStore _store;
    private readonly ArchiveSql _sql;
    private readonly TimeProvider _clock;

    public PostgresReviewArchive(string connectionString, TimeProvider clock, string schema = "pulse")
    {
        _store = new PostgresStore(NpgsqlDataSource.Create(connectionString), SchemaLockKey, PostgresArchiveSchema.Create(schema));
        _sql = new ArchiveSql($"{schema}.review_archive", $"{schema}.review_archive_totals");
        _clock = clock;
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _store.InitializeAsync(cancellationToken);

    public Task SaveCycleAsync(string tenantId, string period, IReadOnlyList<ArchivedResult> results, CancellationToken cancellationToken)
    {
        ArchiveChecks.Month(period);
        var writtenAt = ArchiveRows.FormatTime(_clock.GetUtcNow());
        return _store.WriteAsync(async (connection, transaction, ct) =>
        {
            await LockMonthsAsync(connection, transaction, tenantId, [period], ct);
            await using (var delete = new NpgsqlCommand(_sql.DeleteMonth, connection, transaction))
            {
                delete.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
                delete.Parameters.Add(new NpgsqlParameter<string>("period", period));
                await delete.ExecuteNonQueryAsync(ct);
            }

            foreach (var chunk in results.Chunk(BatchSize))
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var result in chunk)
                {
                    batch.BatchCommands.Add(Command(_sql.Insert, tenantId, period, result with { Source = ArchivedResult.FromCycle }, writtenAt));
                }

                await batch.ExecuteNonQueryAsync(ct);
            }

            await WriteTotalsAsync(connection, transaction, tenantId, period, ct);
        }, cancellationToken);
    }

    public async Task<ArchiveImportOutcome> ImportAsync(string tenantId, IReadOnlyList<ArchivedMonthResult> results, CancellationToken cancellationToken = default)
    {
        foreach (var row in results)
        {
            ArchiveChecks.Month(row.Period);
        }

        var writtenAt = ArchiveRows.FormatTime(_clock.GetUtcNow());
        var periods = results.Select(r => r.Period).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        try
        {
            await _store.WriteAsync(async (connection, transaction, ct) =>
            {
                await LockMonthsAsync(connection, transaction, tenantId, periods, ct);
                await using (var check = new NpgsqlCommand(_sql.CyclePeriods(periods.Count), connection, transaction))
                {
                    var conflicts = await CyclePeriodsAsync(check, tenantId, periods, ct);
                    if (conflicts.Count > 0) throw new ArchiveConflictException(conflicts);
                }

                foreach (var chunk in results.Chunk(BatchSize))
                {
                    await using var batch = new NpgsqlBatch(connection, transaction);
                    foreach (var row in chunk)
                    {
                        batch.BatchCommands.Add(Command(_sql.Upsert, tenantId, row.Period, row.Result with { Source = ArchivedResult.FromImport }, writtenAt));
                    }

                    await batch.ExecuteNonQueryAsync(ct);
                    var refused = chunk.Where((_, i) => batch.BatchCommands[i].RecordsAffected != 1).Select(r => r.Period).Distinct().ToList();
                    if (refused.Count > 0) throw new ArchiveConflictException(refused);
                }

                foreach (var period in periods)
                {
                    await WriteTotalsAsync(connection, transaction, tenantId, period, ct);
                }
            }, cancellationToken);
        }
        catch (ArchiveConflictException conflict)
        {
            return new ArchiveImportOutcome(0, conflict.Months);
        }

        return new ArchiveImportOutcome(results.Count, []);
    }

    public async Task<IReadOnlySet<string>> CyclePeriodsAsync(string tenantId, IReadOnlyCollection<string> periods, CancellationToken cancellationToken = default)
    {
        var list = periods.ToList();
        await using var command = await _store.CommandAsync(_sql.CyclePeriods(list.Count), cancellationToken);
        return (await CyclePeriodsAsync(command, tenantId, list, cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<ArchiveRead> ReadAsync(string tenantId, ArchiveQuery query, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = await _store.CommandAsync(_sql.Read(query), cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("from", query.FromPeriod));
        command.Parameters.Add(new NpgsqlParameter<string>("to", query.ToPeriod));
        var i = 0;
        foreach (var department in query.DepartmentIds ?? [])
        {
            command.Parameters.Add(new NpgsqlParameter<string>($"d{i++}", department));
        }

        if (query.EmployeeId is not null) command.Parameters.Add(new NpgsqlParameter<string>("employee", query.EmployeeId));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit + 1));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ArchiveRows.ReadAllAsync(reader, limit, cancellationToken);
    }

    public async Task<IReadOnlyList<DepartmentMonthTotals>> TotalsAsync(string tenantId, ArchiveQuery query, CancellationToken cancellationToken = default)
    {
        if (query.EmployeeId is not null) throw new ArgumentException("Totals are per department, not per employee.", nameof(query));
        List<string> missing;
        await using (var command = await _store.CommandAsync(_sql.MonthsWithoutTotals, cancellationToken))
        {
            BindRange(command, tenantId, query);
            missing = await ReadPeriodsAsync(command, cancellationToken);
        }

        await WriteMissingTotalsAsync(tenantId, missing, cancellationToken);
        var (totals, damaged) = await ReadTotalsAsync(tenantId, query, cancellationToken);
        if (damaged.Count == 0) return totals;
        await WriteMissingTotalsAsync(tenantId, [.. damaged], cancellationToken);
        return (await ReadTotalsAsync(tenantId, query, cancellationToken)).Totals;
    }

    private async Task<(List<DepartmentMonthTotals> Totals, SortedSet<string> Damaged)> ReadTotalsAsync(string tenantId, ArchiveQuery query, CancellationToken cancellationToken)
    {
        await using var command = await _store.CommandAsync(_sql.ReadTotals(query), cancellationToken);
        BindRange(command, tenantId, query);
        var i = 0;
        foreach (var department in query.DepartmentIds ?? [])
        {
            command.Parameters.Add(new NpgsqlParameter<string>($"d{i++}", department));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ArchiveTotalsRows.ReadAllAsync(reader, cancellationToken);
    }

    // Under the months' locks, like a save: the rows cannot change while their totals are computed.
    private async Task WriteMissingTotalsAsync(string tenantId, List<string> periods, CancellationToken cancellationToken)
    {
        if (periods.Count == 0) return;
        await _store.WriteAsync(async (connection, transaction, ct) =>
        {
            await LockMonthsAsync(connection, transaction, tenantId, periods, ct);
            foreach (var period in periods)
            {
                await WriteTotalsAsync(connection, transaction, tenantId, period, ct);
            }
        }, cancellationToken);
    }

    /// <summary>Replaces the month's totals with sums of its rows as they are inside the running transaction.</summary>
    private async Task WriteTotalsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string period, CancellationToken ct)
    {
        List<DepartmentMonthTotals> totals;
        await using (var read = new NpgsqlCommand(_sql.MonthRows, connection, transaction))
        {
            read.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
            read.Parameters.Add(new NpgsqlParameter<string>("period", period));
            await using var reader = await read.ExecuteReaderAsync(ct);
            totals = await ArchiveTotalsRows.FromRowsAsync(reader, period, ct);
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        var delete = new NpgsqlBatchCommand(_sql.DeleteTotals);
        delete.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        delete.Parameters.Add(new NpgsqlParameter<string>("period", period));
        batch.BatchCommands.Add(delete);
        foreach (var department in totals)
        {
            var insert = new NpgsqlBatchCommand(_sql.InsertTotals);
            insert.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
            insert.Parameters.Add(new NpgsqlParameter<string>("period", period));
            insert.Parameters.Add(new NpgsqlParameter<string>("department", department.DepartmentId));
            insert.Parameters.Add(new NpgsqlParameter<int>("members", department.Members));
            insert.Parameters.Add(new NpgsqlParameter<int>("skipped", department.Skipped));
            insert.Parameters.Add(new NpgsqlParameter<decimal>("composite_sum", department.CompositeSum));
            insert.Parameters.Add(new NpgsqlParameter<int>("composite_count", department.CompositeCount));
            insert.Parameters.Add(new NpgsqlParameter<string>("indicators", ArchiveTotalsRows.FormatIndicators(department.Indicators)));
            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    private static void BindRange(NpgsqlCommand command, string tenantId, ArchiveQuery query)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("from", query.FromPeriod));
        command.Parameters.Add(new NpgsqlParameter<string>("to", query.ToPeriod));
    }

    private static async Task<List<string>> ReadPeriodsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    private static async Task<IReadOnlyList<string>> CyclePeriodsAsync(NpgsqlCommand command, string tenantId, List<string> periods, CancellationToken ct)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        for (var i = 0; i < periods.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter<string>($"p{i}", periods[i]));
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

    // Months locked in order, so two writers of overlapping months cannot deadlock.
    private static async Task LockMonthsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, List<string> periods, CancellationToken ct)
    {
        foreach (var period in periods.Order(StringComparer.Ordinal))
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<long>("key", MonthLockKey(tenantId, period)));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A stable 64-bit key (FNV-1a) for a tenant's month: every silo computes the same one.</summary>
    internal static long MonthLockKey(string tenantId, string period)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "review-archive/" + tenantId + "/" + period)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    private static NpgsqlBatchCommand Command(string sql, string tenantId, string period, ArchivedResult result, string writtenAt)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("period", period));
        command.Parameters.Add(new NpgsqlParameter<string>("employee", result.EmployeeId));
        command.Parameters.Add(new NpgsqlParameter<string>("department", result.DepartmentId));
        command.Parameters.Add(new NpgsqlParameter("composite", NpgsqlDbType.Numeric) { Value = (object?)result.Composite ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("grade", NpgsqlDbType.Text) { Value = (object?)result.Grade ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string>("indicators", ArchiveRows.FormatIndicators(result)));
        command.Parameters.Add(new NpgsqlParameter("pay_amount", NpgsqlDbType.Numeric) { Value = (object?)result.PayAmount ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("currency", NpgsqlDbType.Text) { Value = (object?)result.Currency ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string>("source", result.Source));
        command.Parameters.Add(new NpgsqlParameter<string>("written_at", writtenAt));
        return command;
    }

    /// <summary>Closes the pool.</summary>
    public ValueTask DisposeAsync() => _store.DisposeAsync();
}

using System.Text;

namespace Pulse.Reviews;

/// <summary>
/// The statements both archive stores run, on the rows' table and the month totals' table (names that may carry a
/// schema). Parameters are written <c>@name</c>, which SQLite and Npgsql both accept; lists are expanded to
/// <c>@name0, @name1, …</c>.
/// </summary>
internal sealed class ArchiveSql(string table, string totalsTable)
{
    public const string Columns = "period, employee, department, composite, grade, indicators, pay_amount, currency, source, written_at";

    public const string TotalsColumns = "period, department, members, skipped, composite_sum, composite_count, indicators";

    public string DeleteMonth { get; } = $"DELETE FROM {table} WHERE tenant = @tenant AND period = @period";

    public string Insert { get; } = $"""
        INSERT INTO {table} (tenant, {Columns})
        VALUES (@tenant, @period, @employee, @department, @composite, @grade, @indicators, @pay_amount, @currency, @source, @written_at)
        """;

    // An import replaces an earlier import of the same employee and month, never a cycle's row: the condition is part
    // of the write, so a cycle approved between the check and the write still wins (the row count then says so).
    public string Upsert { get; } = $"""
        INSERT INTO {table} AS a (tenant, {Columns})
        VALUES (@tenant, @period, @employee, @department, @composite, @grade, @indicators, @pay_amount, @currency, @source, @written_at)
        ON CONFLICT (tenant, period, employee) DO UPDATE SET
            department = excluded.department, composite = excluded.composite, grade = excluded.grade,
            indicators = excluded.indicators, pay_amount = excluded.pay_amount, currency = excluded.currency,
            source = excluded.source, written_at = excluded.written_at
        WHERE a.source = 'import'
        """;

    public string CyclePeriods(int count) =>
        $"SELECT DISTINCT period FROM {table} WHERE tenant = @tenant AND source = 'cycle' AND period IN ({List("p", count)})";

    /// <summary>Every row of one month, for its totals.</summary>
    public string MonthRows { get; } = $"SELECT {Columns} FROM {table} WHERE tenant = @tenant AND period = @period";

    public string DeleteTotals { get; } = $"DELETE FROM {totalsTable} WHERE tenant = @tenant AND period = @period";

    public string InsertTotals { get; } = $"""
        INSERT INTO {totalsTable} (tenant, {TotalsColumns})
        VALUES (@tenant, @period, @department, @members, @skipped, @composite_sum, @composite_count, @indicators)
        """;

    /// <summary>The month totals of a range, by department, ordered by month then department.</summary>
    public string ReadTotals(ArchiveQuery query)
    {
        var sql = new StringBuilder($"SELECT {TotalsColumns} FROM {totalsTable} WHERE tenant = @tenant AND period >= @from AND period <= @to");
        if (query.DepartmentIds is { } departments)
        {
            sql.Append($" AND department IN ({List("d", departments.Count)})");
        }

        sql.Append(" ORDER BY period, department");
        return sql.ToString();
    }

    /// <summary>
    /// The months of a range that hold rows but no totals (rows written before the totals existed, or totals removed
    /// by hand). The months with rows are found by one index seek each (the next month after the last), not by reading
    /// the rows, so the check costs the same for 10 people or 10,000.
    /// </summary>
    public string MonthsWithoutTotals { get; } = $"""
        WITH RECURSIVE months(period) AS (
            SELECT MIN(period) FROM {table} WHERE tenant = @tenant AND period >= @from AND period <= @to
            UNION ALL
            SELECT (SELECT MIN(r.period) FROM {table} r WHERE r.tenant = @tenant AND r.period > m.period AND r.period <= @to)
            FROM months m WHERE m.period IS NOT NULL
        )
        SELECT m.period FROM months m
        WHERE m.period IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {totalsTable} t WHERE t.tenant = @tenant AND t.period = m.period)
        ORDER BY m.period
        """;

    /// <summary>One indexed range read: by department (and month) or by employee (and month) or by month alone.</summary>
    public string Read(ArchiveQuery query)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM {table} WHERE tenant = @tenant AND period >= @from AND period <= @to");
        if (query.DepartmentIds is { } departments)
        {
            sql.Append($" AND department IN ({List("d", departments.Count)})");
        }

        if (query.EmployeeId is not null)
        {
            sql.Append(" AND employee = @employee");
        }

        sql.Append(" ORDER BY period, employee LIMIT @limit");
        return sql.ToString();
    }

    /// <summary><c>@name0, @name1, …</c>; an empty list becomes <c>NULL</c>, which matches nothing.</summary>
    public static string List(string name, int count) =>
        count == 0 ? "NULL" : string.Join(", ", Enumerable.Range(0, count).Select(i => $"@{name}{i}"));
}

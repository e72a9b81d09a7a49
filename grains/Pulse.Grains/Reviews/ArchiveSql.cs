using System.Text;

namespace Pulse.Reviews;

/// <summary>
/// The statements both archive stores run, on a table name that may carry a schema. Parameters are written
/// <c>@name</c>, which SQLite and Npgsql both accept; lists are expanded to <c>@name0, @name1, …</c>.
/// </summary>
internal sealed class ArchiveSql(string table)
{
    public const string Columns = "period, employee, department, composite, grade, indicators, pay_amount, currency, source, written_at";

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

using System.Runtime.InteropServices;

namespace Pulse.Reviews;

/// <summary>Sums one month's rows per department into <see cref="DepartmentMonthTotals"/>, in one pass.</summary>
internal sealed class MonthTotalsBuilder(string period)
{
    private readonly Dictionary<string, Department> _departments = new(StringComparer.Ordinal);

    /// <summary>Counts a row of <paramref name="departmentId"/>: <paramref name="result"/> null when it could not be read.</summary>
    public void Add(string departmentId, ArchivedResult? result)
    {
        if (!_departments.TryGetValue(departmentId, out var department))
        {
            department = new Department();
            _departments.Add(departmentId, department);
        }

        if (result is null || !ArchiveBounds.IsSane(result))
        {
            department.Skipped++;
            return;
        }

        department.Members++;
        if (result.Composite is { } composite)
        {
            department.CompositeSum += composite;
            department.CompositeCount++;
        }

        foreach (var (id, value) in result.IndicatorValues)
        {
            ref var totals = ref department.Indicator(id);
            totals = totals with { ValueSum = totals.ValueSum + value, ValueCount = totals.ValueCount + 1 };
        }

        foreach (var (id, score) in result.IndicatorScores)
        {
            ref var totals = ref department.Indicator(id);
            totals = totals with { ScoreSum = totals.ScoreSum + score, ScoreCount = totals.ScoreCount + 1 };
        }
    }

    public List<DepartmentMonthTotals> Build() =>
        [.. _departments.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new DepartmentMonthTotals(
            period, d.Key, d.Value.Members, d.Value.Skipped, d.Value.CompositeSum, d.Value.CompositeCount, d.Value.Indicators))];

    private sealed class Department
    {
        public int Members;
        public int Skipped;
        public decimal CompositeSum;
        public int CompositeCount;
        public Dictionary<string, IndicatorTotals> Indicators { get; } = new(StringComparer.Ordinal);

        public ref IndicatorTotals Indicator(string id)
        {
            ref var totals = ref CollectionsMarshal.GetValueRefOrAddDefault(Indicators, id, out var exists);
            if (!exists) totals = IndicatorTotals.Zero;
            return ref totals!;
        }
    }
}

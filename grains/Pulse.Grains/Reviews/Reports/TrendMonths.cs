using Pulse.Templates;

namespace Pulse.Reviews;

/// <summary>
/// A trend's archived months from the archive's month totals: each month's departments summed (sums and counts add
/// up, so this equals averaging every result of the department and below), then averaged and rounded once. Indicator
/// names are not archived: they come from the tenant's templates now, by id.
/// </summary>
internal static class TrendMonths
{
    /// <summary>The months with at least one result counted, except <paramref name="livePeriod"/>; and the rows skipped in the whole range.</summary>
    public static (List<TrendMonth> Months, int Skipped) Of(IEnumerable<DepartmentMonthTotals> totals, string livePeriod, IReadOnlyDictionary<string, LocalizedText> names)
    {
        var months = new List<TrendMonth>();
        var skipped = 0;
        foreach (var month in totals.GroupBy(t => t.Period, StringComparer.Ordinal))
        {
            var departments = month.ToList();
            skipped += departments.Sum(d => d.Skipped);
            var members = departments.Sum(d => d.Members);
            if (members == 0 || month.Key == livePeriod) continue;
            var indicators = new SortedDictionary<string, IndicatorTotals>(StringComparer.Ordinal);
            foreach (var (id, sums) in departments.SelectMany(d => d.Indicators))
            {
                indicators[id] = indicators.TryGetValue(id, out var sum) ? sum.Plus(sums) : sums;
            }

            months.Add(new TrendMonth(month.Key, false, members,
                ReviewReports.Average(departments.Sum(d => d.CompositeSum), departments.Sum(d => d.CompositeCount)),
                [.. indicators.Select(i => new IndicatorAverage(i.Key, names.GetValueOrDefault(i.Key),
                    ReviewReports.Average(i.Value.ValueSum, i.Value.ValueCount), ReviewReports.Average(i.Value.ScoreSum, i.Value.ScoreCount),
                    Math.Max(i.Value.ValueCount, i.Value.ScoreCount)))]));
        }

        return (months, skipped);
    }
}

using Pulse.Reviews;

namespace Pulse.Tests.Reviews;

/// <summary>
/// The trend worked out the plain way, from every archived row — as the report computed it before the archive kept
/// month totals — to hold the totals against.
/// </summary>
internal static class TrendFromRows
{
    public static (List<TrendMonth> Months, int Skipped) Of(ArchiveRead read)
    {
        var sane = read.Rows.Where(r => Within(r.Result.Composite) && r.Result.IndicatorScores.Values.All(s => Within(s))).ToList();
        var months = sane.GroupBy(r => r.Period).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var results = g.Select(r => r.Result).ToList();
            var ids = results.SelectMany(r => r.IndicatorValues.Keys.Concat(r.IndicatorScores.Keys)).Distinct().Order(StringComparer.Ordinal);
            var indicators = ids.Select(id =>
            {
                var values = results.Where(r => r.IndicatorValues.ContainsKey(id)).Select(r => r.IndicatorValues[id]).ToList();
                var scores = results.Where(r => r.IndicatorScores.ContainsKey(id)).Select(r => r.IndicatorScores[id]).ToList();
                return new IndicatorAverage(id, null, Average(values), Average(scores), Math.Max(values.Count, scores.Count));
            }).ToList();
            return new TrendMonth(g.Key, false, results.Count, Average([.. results.Where(r => r.Composite is not null).Select(r => r.Composite!.Value)]), indicators);
        }).ToList();
        return (months, read.Skipped + read.Rows.Count - sane.Count);
    }

    private static bool Within(decimal? value) => value is null or (>= 0m and <= 200m);

    private static decimal? Average(List<decimal> values) =>
        values.Count == 0 ? null : Math.Round(values.Sum() / values.Count, 2, MidpointRounding.AwayFromZero);
}

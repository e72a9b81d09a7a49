using Pulse.Templates;

namespace Pulse.Reviews;

/// <summary>Pure: a person's archived month against their department's and their own previous month.</summary>
public static class Improvement
{
    public static ImprovementReport Of(
        string employeeId, string period, ArchivedResult current, ArchivedResult? previous, IReadOnlyList<ArchivedResult> department,
        IReadOnlyList<ArchivedMonthResult> history, IReadOnlyDictionary<string, LocalizedText> names, int skipped)
    {
        var ids = current.IndicatorValues.Keys.Concat(current.IndicatorScores.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var indicators = ids.Select(id =>
        {
            decimal? value = current.IndicatorValues.TryGetValue(id, out var v) ? v : null;
            decimal? score = current.IndicatorScores.TryGetValue(id, out var s) ? s : null;
            var averageValue = ReviewReports.Average([.. department.Where(r => r.IndicatorValues.ContainsKey(id)).Select(r => r.IndicatorValues[id])]);
            var averageScore = ReviewReports.Average([.. department.Where(r => r.IndicatorScores.ContainsKey(id)).Select(r => r.IndicatorScores[id])]);
            decimal? previousValue = previous?.IndicatorValues.TryGetValue(id, out var pv) == true ? pv : null;
            decimal? previousScore = previous?.IndicatorScores.TryGetValue(id, out var ps) == true ? ps : null;
            var standing = score is null || averageScore is null || score == averageScore ? "even" : score > averageScore ? "strength" : "weakness";
            return new ImprovementIndicator(id, names.GetValueOrDefault(id), value, score, averageValue, averageScore, previousValue, previousScore,
                score - previousScore, standing);
        }).ToList();

        var strengths = indicators.Where(i => i.Standing == "strength").OrderByDescending(i => i.Score - i.DepartmentAverageScore).ThenBy(i => i.IndicatorId, StringComparer.Ordinal);
        var weaknesses = indicators.Where(i => i.Standing == "weakness").OrderBy(i => i.Score - i.DepartmentAverageScore).ThenBy(i => i.IndicatorId, StringComparer.Ordinal);
        var moved = indicators.Where(i => i.ScoreChange is not null && i.ScoreChange != 0)
            .OrderByDescending(i => Math.Abs(i.ScoreChange!.Value)).ThenBy(i => i.IndicatorId, StringComparer.Ordinal).FirstOrDefault();
        var composites = department.Where(r => r.Composite is not null).Select(r => r.Composite!.Value).ToList();
        return new ImprovementReport(employeeId, period, current.DepartmentId, current.Composite, current.Grade, ReviewReports.Average(composites), indicators,
            [.. history.Select(h => new ImprovementMonth(h.Period, h.Result.Composite, h.Result.Grade, h.Result.IndicatorValues, h.Result.IndicatorScores))],
            [.. strengths.Select(i => i.IndicatorId)], [.. weaknesses.Select(i => i.IndicatorId)], moved?.IndicatorId, skipped);
    }
}

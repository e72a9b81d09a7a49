using System.Globalization;
using Pulse.Audit;
using Pulse.Organisation;
using Pulse.Scoring;
using Pulse.Security;
using Pulse.Services;
using Pulse.Templates;

namespace Pulse.Reviews;

/// <summary>
/// Brings past months' final results in from the system a company used before Pulse. Every row is checked first —
/// employee, month (closed, not the open one nor a future one, not a month a cycle closed), no duplicate of employee
/// and month in the file, numbers and their bounds, indicator columns — and nothing is written unless every row is
/// valid; then all rows are written in one transaction and audited. Scores are computed from the values with the
/// template that governed the month, as the live scoring does; the department is the employee's current one.
/// </summary>
public sealed class ReviewImport(IReviewArchive archive, AuditTrail audit, TimeProvider clock)
{
    public const int MaxRows = 50_000;

    private static readonly string[] EmployeeColumns = ["employeeId", "employee", "员工编号"];
    private static readonly string[] MonthColumns = ["month", "period", "月份"];
    private static readonly string[] CompositeColumns = ["composite", "综合得分"];
    private static readonly string[] GradeColumns = ["grade", "等级"];

    public async Task<ImportOutcome> ImportAsync(CallerContext context, ImportTable table, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (!context.Allows(Permission.ReviewManage)) return new ImportOutcome(null, [], Forbidden: true);
        var errors = new List<ImportRowError>();
        var columns = Columns(context.Rules, table.Header, errors);
        if (columns is null) return new ImportOutcome(null, errors);
        if (table.Rows.Count == 0) return new ImportOutcome(null, [new ImportRowError(1, "", "the file holds no result rows")]);

        var open = Period.Of(clock.GetUtcNow(), context.Rules.TimeZone);
        var results = new List<(int Row, ArchivedMonthResult Result)>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var (row, cells) in table.Rows)
        {
            if (Check(context.Rules, columns, row, cells, open, seen, errors) is { } result) results.Add((row, result));
        }

        // Months a cycle closed: each row of such a month says so.
        var cycleMonths = await archive.CyclePeriodsAsync(context.TenantId, [.. results.Select(r => r.Result.Period).Distinct(StringComparer.Ordinal)], cancellationToken);
        foreach (var (row, result) in results.Where(r => cycleMonths.Contains(r.Result.Period)))
        {
            errors.Add(new ImportRowError(row, "month", $"{result.Period} was closed by a review cycle; its results cannot be replaced by an import"));
        }

        if (errors.Count > 0) return new ImportOutcome(null, [.. errors.OrderBy(e => e.Row).ThenBy(e => e.Column, StringComparer.Ordinal)]);
        var months = results.Select(r => r.Result.Period).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var summary = new ImportSummary(dryRun, results.Count, months, results.Select(r => r.Result.Result.EmployeeId).Distinct(StringComparer.Ordinal).Count());
        if (dryRun) return new ImportOutcome(summary, []);

        var outcome = await archive.ImportAsync(context.TenantId, [.. results.Select(r => r.Result)], cancellationToken);
        if (!outcome.Succeeded)
        {
            // A cycle was approved between the check and the write: nothing was written.
            return new ImportOutcome(null, [.. results.Where(r => outcome.CycleMonths.Contains(r.Result.Period))
                .Select(r => new ImportRowError(r.Row, "month", $"{r.Result.Period} was closed by a review cycle; its results cannot be replaced by an import"))]);
        }

        await audit.RecordAsync(context.Caller, "review.import", string.Join(",", months), null, summary);
        return new ImportOutcome(summary, []);
    }

    private sealed record ImportColumns(int Employee, int Month, int Composite, int Grade, IReadOnlyList<(int Index, string IndicatorId, string Header)> Indicators);

    private static ImportColumns? Columns(CompiledRules rules, IReadOnlyList<string> header, List<ImportRowError> errors)
    {
        int Find(string[] names, bool required)
        {
            var index = header.ToList().FindIndex(h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
            if (index < 0 && required) errors.Add(new ImportRowError(1, names[0], "column is missing"));
            return index;
        }

        var employee = Find(EmployeeColumns, true);
        var month = Find(MonthColumns, true);
        var composite = Find(CompositeColumns, true);
        var grade = Find(GradeColumns, false);
        var byName = IndicatorsByName(rules);
        var indicators = new List<(int, string, string)>();
        for (var i = 0; i < header.Count; i++)
        {
            if (i == employee || i == month || i == composite || i == grade || header[i].Length == 0) continue;
            var id = header[i].StartsWith("ind:", StringComparison.OrdinalIgnoreCase) ? header[i][4..].Trim() : byName.GetValueOrDefault(header[i]);
            if (id is null || !byName.ContainsValue(id))
            {
                errors.Add(new ImportRowError(1, header[i], "is not a column of the import nor an indicator of any template (write ind:<indicatorId> or the indicator's name)"));
                continue;
            }

            if (indicators.Any(x => x.Item2 == id)) errors.Add(new ImportRowError(1, header[i], $"indicator '{id}' has two columns"));
            else indicators.Add((i, id, header[i]));
        }

        return errors.Count > 0 ? null : new ImportColumns(employee, month, composite, grade, indicators);
    }

    /// <summary>Every indicator of every template by its id, its Chinese and its English name (case-insensitive).</summary>
    private static Dictionary<string, string> IndicatorsByName(CompiledRules rules)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in rules.Rules.Templates.SelectMany(t => t.Sections).SelectMany(s => s.Indicators))
        {
            names.TryAdd("ind:" + indicator.Id, indicator.Id);
            names[indicator.Name.Zh] = indicator.Id;
            if (!string.IsNullOrEmpty(indicator.Name.En)) names[indicator.Name.En] = indicator.Id;
        }

        return names;
    }

    private static ArchivedMonthResult? Check(CompiledRules rules, ImportColumns columns, int row, IReadOnlyList<string> cells, string open,
        Dictionary<(string, string), int> seen, List<ImportRowError> errors)
    {
        var before = errors.Count;
        string Cell(int index) => index >= 0 && index < cells.Count ? cells[index] : "";
        void Error(string column, string reason) => errors.Add(new ImportRowError(row, column, reason));

        var employeeId = Cell(columns.Employee);
        rules.Employees.TryGetValue(employeeId, out var employee);
        if (employee is null) Error("employeeId", employeeId.Length == 0 ? "is empty" : $"employee '{Clip(employeeId)}' does not exist");

        var month = Cell(columns.Month);
        if (!PeriodQuery.IsValid(month)) Error("month", $"'{Clip(month)}' {PeriodQuery.Rule}");
        else if (string.CompareOrdinal(month, open) >= 0) Error("month", month == open ? $"{month} is the open month; only closed months can be imported" : $"{month} is in the future");
        else if (employee is not null && !seen.TryAdd((employee.Id, month), row)) Error("month", $"employee '{employee.Id}' already has {month} in row {seen[(employee.Id, month)]}");

        var composite = Number(Cell(columns.Composite), "composite", 0m, ReviewReports.MaxComposite, required: true, Error);
        var grade = columns.Grade < 0 ? null : Cell(columns.Grade);
        if (grade is { Length: > 20 }) Error("grade", "is longer than 20 characters");

        var template = employee is not null && PeriodQuery.IsValid(month) ? rules.TemplateForEmployee(employee.Id, month) : null;
        var indicators = template?.Sections.SelectMany(s => s.Indicators).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var scores = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (index, id, header) in columns.Indicators)
        {
            var text = Cell(index);
            if (text.Length == 0) continue;
            if (employee is null || !PeriodQuery.IsValid(month)) continue;
            if (indicators is null || !indicators.TryGetValue(id, out var indicator))
            {
                Error(header, $"'{id}' is not an indicator of the template of employee '{employee.Id}' in {month}");
                continue;
            }

            var (min, max) = Bounds(rules, indicator);
            if (Number(text, header, min, max, required: true, Error) is not { } value) continue;
            values[id] = value;
            scores[id] = indicator.Source.Kind == SourceKind.Rating
                ? Ratings.Score(value)
                : Math.Round(LinearScoring.Score(indicator.Direction, value, indicator.Target, indicator.Scoring), 2, MidpointRounding.AwayFromZero);
        }

        if (errors.Count > before || employee is null) return null;
        return new ArchivedMonthResult(month, new ArchivedResult(employee.Id, employee.DepartmentId, composite, string.IsNullOrEmpty(grade) ? null : grade,
            values, scores, ArchivedResult.FromImport));
    }

    private static decimal? Number(string text, string column, decimal min, decimal max, bool required, Action<string, string> error)
    {
        if (text.Length == 0)
        {
            if (required) error(column, "is empty");
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            error(column, $"'{Clip(text)}' is not a number");
            return null;
        }

        if (value < min || value > max)
        {
            error(column, $"{value.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    /// <summary>
    /// What an indicator's value may be: a rating 1–5; a count or a ratio 0–10¹⁵; an average or latest value within
    /// its field's declared bounds (times the multiplier); otherwise ±10¹⁵.
    /// </summary>
    private static (decimal Min, decimal Max) Bounds(CompiledRules rules, Indicator indicator)
    {
        if (indicator.Source.Kind == SourceKind.Rating) return (Ratings.Min, Ratings.Max);
        var measure = indicator.Source.Measure;
        var magnitude = FieldBounds.DefaultMagnitude;
        switch (measure?.Kind)
        {
            case MeasureKind.Count or MeasureKind.Ratio:
                return (0m, magnitude);
            case MeasureKind.Avg or MeasureKind.Latest when measure.EventType is { } type && rules.EventTypes.TryGetValue(type, out var definition)
                && definition.Fields.FirstOrDefault(f => f.Name == measure.Field) is { } field:
                var a = FieldBounds.MinimumOf(field) * measure.Multiplier;
                var b = FieldBounds.MaximumOf(field) * measure.Multiplier;
                return (Math.Min(a, b), Math.Max(a, b));
            default:
                return (-magnitude, magnitude);
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

using MiniExcelLibs;
using Pulse.Reviews;

namespace Pulse.Silo.Apis;

/// <summary>
/// The reports as tables for <c>?format=csv|xlsx</c>: one row per line of the report with plain column names
/// (MiniExcel writes both formats). JSON stays the default and carries the full structure.
/// </summary>
public static class ReportExport
{
    public static bool IsKnown(string? format) => format is null or "json" or "csv" or "xlsx";

    public static IResult File(string format, string name, IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        var table = rows.ToList();
        if (table.Count == 0) table.Add(new Dictionary<string, object?> { ["empty"] = "" });
        var xlsx = format == "xlsx";
        stream.SaveAs(table, printHeader: true, sheetName: "report", excelType: xlsx ? ExcelType.XLSX : ExcelType.CSV);
        stream.Position = 0;
        return TypedResults.File(stream, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            $"{name}.{format}");
    }

    public static IEnumerable<Dictionary<string, object?>> Rows(TrendReport report) =>
        report.Months.SelectMany(m => m.Indicators.Count == 0 ? [Row(m, null)] : m.Indicators.Select(i => Row(m, i)));

    private static Dictionary<string, object?> Row(TrendMonth month, IndicatorAverage? indicator) => new()
    {
        ["month"] = month.Period,
        ["live"] = month.Live,
        ["members"] = month.Members,
        ["averageComposite"] = month.AverageComposite,
        ["indicatorId"] = indicator?.IndicatorId,
        ["indicatorName"] = indicator?.Name?.Zh,
        ["averageValue"] = indicator?.AverageValue,
        ["averageScore"] = indicator?.AverageScore,
    };

    public static IEnumerable<Dictionary<string, object?>> Rows(DistributionReport report) =>
        report.Bands.Select(b => new Dictionary<string, object?>
        {
            ["section"] = "band", ["from"] = b.From, ["to"] = b.To, ["count"] = b.Count,
            ["employeeId"] = null, ["name"] = null, ["departmentId"] = null, ["composite"] = null, ["grade"] = null,
        })
        .Concat(report.Top.Select(r => Ranked("top", r))).Concat(report.Bottom.Select(r => Ranked("bottom", r)));

    private static Dictionary<string, object?> Ranked(string section, RankedResult r) => new()
    {
        ["section"] = section, ["from"] = null, ["to"] = null, ["count"] = null,
        ["employeeId"] = r.EmployeeId, ["name"] = r.Name, ["departmentId"] = r.DepartmentId, ["composite"] = r.Composite, ["grade"] = r.Grade,
    };

    public static IEnumerable<Dictionary<string, object?>> Rows(ImprovementReport report) =>
        report.Indicators.Select(i => new Dictionary<string, object?>
        {
            ["indicatorId"] = i.IndicatorId, ["indicatorName"] = i.Name?.Zh, ["value"] = i.Value, ["score"] = i.Score,
            ["departmentAverageValue"] = i.DepartmentAverageValue, ["departmentAverageScore"] = i.DepartmentAverageScore,
            ["previousValue"] = i.PreviousValue, ["previousScore"] = i.PreviousScore, ["scoreChange"] = i.ScoreChange, ["standing"] = i.Standing,
        });

    public static IEnumerable<Dictionary<string, object?>> Rows(PayrollSummary report) =>
        report.Departments.SelectMany(d => d.Grades.Select(g => new Dictionary<string, object?>
        {
            ["departmentId"] = d.DepartmentId, ["departmentName"] = d.Name, ["grade"] = g.Grade, ["headcount"] = g.Headcount,
            ["amount"] = g.Amount, ["currency"] = report.Currency,
        }));
}

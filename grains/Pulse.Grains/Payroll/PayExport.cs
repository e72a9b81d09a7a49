using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Pulse.Reviews;

namespace Pulse.Payroll;

/// <summary>
/// A cycle's pay lines as a file a payroll system imports: one header row, bilingual ("工号 EmployeeId"), then one row
/// per employee in the order given, in the columns of <see cref="Headers"/>. CSV is UTF-8 with a byte order mark (so
/// Excel reads Chinese right), RFC 4180 (CRLF, quotes doubled, a field quoted when it holds a comma, quote or line
/// break), numbers in the invariant culture with two decimals (the coefficient with up to four). XLSX holds the numbers
/// as numeric cells (rounded the same way) and the rest as text. In both, a text cell that a spreadsheet would take
/// for a formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe.
/// </summary>
public static class PayExport
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "期间 Period", "工号 EmployeeId", "姓名 Name", "部门编号 DepartmentId", "部门 Department", "等级 Grade",
        "综合得分 Composite", "绩效基数 Base", "系数 Coefficient", "绩效工资 Amount", "币种 Currency",
    ];

    public const string SheetName = "绩效工资";

    /// <summary>The file's cells: text as strings (made formula-safe), numbers as rounded decimals, a missing composite as null.</summary>
    public static object?[] Cells(PayLine line, Func<string, string?> departmentName) =>
    [
        Safe(line.Period), Safe(line.EmployeeId), Safe(line.Name), Safe(line.DepartmentId), Safe(departmentName(line.DepartmentId) ?? ""), Safe(line.Grade),
        line.Composite is { } composite ? Money(composite) : null, Money(line.Base), Coefficient(line.Coefficient), Money(line.Amount), Safe(line.Currency),
    ];

    public static byte[] Csv(IEnumerable<PayLine> lines, Func<string, string?> departmentName)
    {
        var text = new StringBuilder();
        AppendRow(text, Headers);
        foreach (var line in lines) AppendRow(text, Cells(line, departmentName).Select(Text));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IEnumerable<PayLine> lines, Func<string, string?> departmentName)
    {
        var rows = lines.Select(line =>
        {
            var cells = Cells(line, departmentName);
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < Headers.Count; i++) row[Headers[i]] = cells[i];
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            // A header row alone: MiniExcel takes the columns from the first row, so give it the headers as that row.
            stream.SaveAs(new[] { Headers.ToDictionary(h => h, h => (object?)h, StringComparer.Ordinal) }, printHeader: false, sheetName: SheetName, excelType: ExcelType.XLSX);
        }
        else
        {
            stream.SaveAs(rows, printHeader: true, sheetName: SheetName, excelType: ExcelType.XLSX);
        }
        return stream.ToArray();
    }

    /// <summary>A text cell a spreadsheet will not evaluate: one that starts like a formula gets a leading apostrophe.</summary>
    public static string Safe(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static decimal Money(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    private static decimal Coefficient(decimal value) => decimal.Round(value, 4, MidpointRounding.AwayFromZero);

    private static string Text(object? cell) => cell switch
    {
        null => "",
        decimal number => number.ToString(number == decimal.Round(number, 2) ? "0.00" : "0.00##", CultureInfo.InvariantCulture),
        _ => (string)cell,
    };

    private static void AppendRow(StringBuilder text, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) text.Append(',');
            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0) text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else text.Append(field);
        }
        text.Append("\r\n");
    }
}

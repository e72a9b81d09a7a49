using System.Text;
using MiniExcelLibs;
using Pulse.Payroll;
using Pulse.Reviews;

namespace Pulse.Silo.Tests.Payroll;

/// <summary>The pay export a payroll system imports: the columns in order, bilingual headers, exact numbers, safe text, in CSV and XLSX alike.</summary>
public sealed class PayExportTests
{
    private static readonly PayLine[] Lines =
    [
        new("2025-03", "B001", "张伟", "biz", "S", 93.456m, 2000m, 1.5m, 3000m, "CNY"),
        new("2025-03", "B002", "Li, \"Nana\"", "ops", "B", null, 1234.5m, 1.125m, 1388.8125m, "CNY"),
        new("2025-03", "=HYPERLINK(\"x\")", "+SUM(A1)", "-dep", "@grade", 70m, 0m, 0.5m, 0m, "-1"),
    ];

    private static readonly Dictionary<string, string> Departments = new() { ["biz"] = "业务部", ["ops"] = "运营部, 二组" };

    private static string? Department(string id) => Departments.GetValueOrDefault(id);

    [Fact]
    public void The_csv_is_utf8_with_a_bom_rfc4180_quoted_invariant_two_decimals_and_formula_safe()
    {
        var bytes = PayExport.Csv(Lines, Department);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var expected =
            "期间 Period,工号 EmployeeId,姓名 Name,部门编号 DepartmentId,部门 Department,等级 Grade,综合得分 Composite,绩效基数 Base,系数 Coefficient,绩效工资 Amount,币种 Currency\r\n"
            + "2025-03,B001,张伟,biz,业务部,S,93.46,2000.00,1.50,3000.00,CNY\r\n"
            + "2025-03,B002,\"Li, \"\"Nana\"\"\",ops,\"运营部, 二组\",B,,1234.50,1.125,1388.81,CNY\r\n"
            + "2025-03,\"'=HYPERLINK(\"\"x\"\")\",'+SUM(A1),'-dep,,'@grade,70.00,0.00,0.50,0.00,'-1\r\n";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void The_csv_uses_the_invariant_culture_whatever_the_thread_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var text = Encoding.UTF8.GetString(PayExport.Csv(Lines[..1], Department));
            Assert.Contains("93.46,2000.00,1.50,3000.00", text, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void The_xlsx_reads_back_cell_by_cell_with_numbers_as_numeric_cells()
    {
        using var stream = new MemoryStream(PayExport.Xlsx(Lines, Department));

        var rows = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal(PayExport.Headers, Columns.Select(c => (string)rows[0][c]!));
        Assert.Equal(["2025-03", "B001", "张伟", "biz", "业务部", "S"], Columns[..6].Select(c => (string)rows[1][c]!));
        Assert.Equal([93.46, 2000.0, 1.5, 3000.0], Columns[6..10].Select(c => Assert.IsType<double>(rows[1][c])));
        Assert.Equal("CNY", rows[1]["K"]);
        Assert.Equal("Li, \"Nana\"", rows[2]["C"]);
        Assert.Equal("运营部, 二组", rows[2]["E"]);
        Assert.True(rows[2]["G"] is null or "", "a missing composite is an empty cell");
        Assert.Equal([1234.5, 1.125, 1388.81], Columns[7..10].Select(c => Assert.IsType<double>(rows[2][c])));
        Assert.Equal(["'=HYPERLINK(\"x\")", "'+SUM(A1)", "'-dep", "'@grade", "'-1"], new[] { "B", "C", "D", "F", "K" }.Select(c => (string)rows[3][c]!));
        Assert.Equal(0.0, Assert.IsType<double>(rows[3]["J"]));
    }

    [Fact]
    public void An_empty_cycle_exports_the_header_row_alone()
    {
        Assert.Equal(string.Join(',', PayExport.Headers) + "\r\n", Encoding.UTF8.GetString(PayExport.Csv([], Department)[3..]));
        using var stream = new MemoryStream(PayExport.Xlsx([], Department));
        var rows = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(PayExport.Headers, Columns.Select(c => (string)Assert.Single(rows)[c]!));
    }

    private static readonly string[] Columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"];
}

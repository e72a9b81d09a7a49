using Pulse.Audit;
using Pulse.Security;

namespace Pulse.Tests.Audit;

public sealed class AuditCsvTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2025, 3, 10, 9, 15, 30, TimeSpan.FromHours(8)).AddTicks(1234567);

    private static AuditRecord Record(long id, string actor = "hr1", string action = "employee.put", string target = "employee/e1", string? before = null, string? after = null) =>
        new(id, new AuditEntry("t1", At, actor, action, target, before, after));

    private static async Task<string> WriteAsync(params AuditRecord[] records)
    {
        await using var writer = new StringWriter();
        await AuditCsv.WriteAsync(records, writer, TestContext.Current.CancellationToken);
        return writer.ToString();
    }

    [Fact]
    public async Task Writes_a_header_and_one_crlf_terminated_line_per_record_with_nulls_empty()
    {
        var csv = await WriteAsync(Record(1), Record(2, target: "template/业务部", after: "x"));

        Assert.Equal(
            "id,at,actor,action,target,before,after\r\n" +
            "1,2025-03-10T09:15:30.1234567+08:00,hr1,employee.put,employee/e1,,\r\n" +
            "2,2025-03-10T09:15:30.1234567+08:00,hr1,employee.put,template/业务部,,x\r\n",
            csv);
    }

    [Fact]
    public async Task Fields_with_commas_quotes_or_line_breaks_are_quoted_with_quotes_doubled()
    {
        var csv = await WriteAsync(Record(7, target: "a,b", before: "{\"name\":\"Li\",\"dept\":\"业务部\"}", after: "line1\nline2\r\nline3"));

        Assert.Equal(
            "id,at,actor,action,target,before,after\r\n" +
            "7,2025-03-10T09:15:30.1234567+08:00,hr1,employee.put,\"a,b\",\"{\"\"name\"\":\"\"Li\"\",\"\"dept\"\":\"\"业务部\"\"}\",\"line1\nline2\r\nline3\"\r\n",
            csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "\"'+1+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("a=1", "a=1")]
    [InlineData("=1,2", "\"'=1,2\"")]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_get_a_leading_quote_inside_a_quoted_field(string actor, string expectedCell)
    {
        var csv = await WriteAsync(Record(1, actor: actor));

        var line = csv.Split("\r\n")[1];
        Assert.Equal($"1,2025-03-10T09:15:30.1234567+08:00,{expectedCell},employee.put,employee/e1,,", line);
    }

    [Fact]
    public async Task The_streaming_overload_writes_the_same_text()
    {
        AuditRecord[] records = [Record(1, before: "-1"), Record(2, target: "x\"y")];
        await using var writer = new StringWriter();

        await AuditCsv.WriteAsync(records.ToAsyncEnumerable(), writer, TestContext.Current.CancellationToken);

        Assert.Equal(await WriteAsync(records), writer.ToString());
    }

    [Fact]
    public async Task A_csv_reader_reads_back_every_cell_with_only_the_formula_guard_added()
    {
        string[] cells = ["=1+1", "a,b", "x\"y", "line1\r\nline2", "-5", "业务部", " padded "];
        var csv = await WriteAsync([.. cells.Select((cell, i) => Record(i + 1, actor: cell, after: cell))]);

        using var reader = new CsvHelper.CsvReader(new StringReader(csv), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await reader.ReadAsync());
        reader.ReadHeader();
        foreach (var cell in cells)
        {
            Assert.True(await reader.ReadAsync());
            var expected = cell[0] is '=' or '-' ? "'" + cell : cell;
            Assert.Equal(expected, reader.GetField("actor"));
            Assert.Equal(expected, reader.GetField("after"));
        }

        Assert.False(await reader.ReadAsync());
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Pulse.Reviews;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>Each report against a small archive whose answers are worked out by hand here; the import through the API.</summary>
public sealed class ReportsApiTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IReviewArchive Archive => fixture.App.Services.GetRequiredService<IReviewArchive>();

    private static ArchivedResult Result(string employee, string department, decimal composite, string grade = "B", decimal? pay = null,
        Dictionary<string, decimal>? values = null, Dictionary<string, decimal>? scores = null) =>
        new(employee, department, composite, grade, values ?? [], scores ?? [], "cycle", pay, pay is null ? null : "CNY");

    private static Dictionary<string, decimal> Map(params (string Id, decimal Value)[] items) => items.ToDictionary(i => i.Id, i => i.Value);

    private static decimal D(System.Text.Json.Nodes.JsonNode? node) => node!.GetValue<decimal>();

    [Fact]
    public async Task Trend_averages_each_month_over_the_department_and_below_at_the_time()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Archive.SaveCycleAsync(tenant.TenantId, "2024-01",
        [
            Result("B001", "biz", 80m, values: Map(("loan-volume", 1_000_000m)), scores: Map(("loan-volume", 100m))),
            Result("B002", "biz", 60m, values: Map(("loan-volume", 500_000m)), scores: Map(("loan-volume", 50m))),
            Result("O001", "ops", 10m),
        ], Cancel);
        await Archive.SaveCycleAsync(tenant.TenantId, "2024-02", [Result("B001", "biz", 90m), Result("B002", "biz", 70m), Result("B003", "biz", 50m), Result("O001", "ops", 40m)], Cancel);

        var biz = await tenant.GetJsonAsync("/api/v1/reports/departments/biz/trend?from=2024-01&to=2024-03");
        var hq = await tenant.GetJsonAsync("/api/v1/reports/departments/hq/trend?from=2024-02&to=2024-02");

        var months = biz["months"]!.AsArray();
        Assert.Equal(["2024-01", "2024-02"], months.Select(m => m!["period"]!.GetValue<string>()));
        Assert.Equal((2, 70m), (months[0]!["members"]!.GetValue<int>(), D(months[0]!["averageComposite"])));
        var loan = months[0]!["indicators"]!.AsArray().Single(i => i!["indicatorId"]!.GetValue<string>() == "loan-volume")!;
        Assert.Equal((750_000m, 75m, "月度贷款额度"), (D(loan["averageValue"]), D(loan["averageScore"]), loan["name"]!["zh"]!.GetValue<string>()));
        Assert.Equal((3, 70m), (months[1]!["members"]!.GetValue<int>(), D(months[1]!["averageComposite"])));
        Assert.False(months[1]!["live"]!.GetValue<bool>());
        // hq holds biz and ops: (90 + 70 + 50 + 40) / 4
        Assert.Equal((4, 62.5m), (hq["months"]![0]!["members"]!.GetValue<int>(), D(hq["months"]![0]!["averageComposite"])));

        await Expect.ProblemAsync(await tenant.Http.GetAsync("/api/v1/reports/departments/biz/trend?from=2021-01&to=2024-01", Cancel), 400, "to", "at most 36");
        await Expect.ProblemAsync(await tenant.Http.GetAsync("/api/v1/reports/departments/biz/trend?from=2024-03&to=2024-01", Cancel), 400, "to");
    }

    [Fact]
    public async Task Distribution_bands_the_month_and_lists_the_top_20_and_bottom_10_percent_ties_included()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        string[] ids = ["B001", "B002", "B003", "B004", "B005", "O001", "O002", "O003", "T001", "T002"];
        decimal[] composites = [95m, 85m, 85m, 75m, 70m, 65m, 60m, 55m, 40m, 30m];
        await Archive.SaveCycleAsync(tenant.TenantId, "2024-03", [.. ids.Select((id, i) => Result(id, id[0] switch { 'B' => "biz", 'O' => "ops", _ => "tech" }, composites[i]))], Cancel);

        var report = await tenant.GetJsonAsync("/api/v1/reports/distribution?period=2024-03");
        var biz = await tenant.GetJsonAsync("/api/v1/reports/distribution?period=2024-03&departmentId=biz");

        Assert.Equal([0, 0, 0, 1, 1, 1, 2, 2, 2, 1, 0], report["bands"]!.AsArray().Select(b => b!["count"]!.GetValue<int>()));
        // ⌈20% × 10⌉ = 2nd best is 85; both 85s are in. ⌈10% × 10⌉ = 1 from the bottom is 30.
        Assert.Equal(85m, D(report["topThreshold"]));
        Assert.Equal(["B001", "B002", "B003"], report["top"]!.AsArray().Select(r => r!["employeeId"]!.GetValue<string>()));
        Assert.Equal(30m, D(report["bottomThreshold"]));
        Assert.Equal(["T002"], report["bottom"]!.AsArray().Select(r => r!["employeeId"]!.GetValue<string>()));
        // biz: 95 85 85 75 70 → top ⌈1⌉ = 95 alone; bottom ⌈0.5⌉ = 70
        Assert.Equal((5, 95m, 70m), (biz["scored"]!.GetValue<int>(), D(biz["topThreshold"]), D(biz["bottomThreshold"])));
    }

    [Fact]
    public async Task Improvement_sets_each_indicator_against_the_department_and_the_previous_month()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Archive.SaveCycleAsync(tenant.TenantId, "2024-03", [Result("B002", "biz", 50m, scores: Map(("loan-volume", 60m), ("bad-debt-rate", 45m)))], Cancel);
        await Archive.SaveCycleAsync(tenant.TenantId, "2024-04",
        [
            Result("B001", "biz", 70m, scores: Map(("loan-volume", 80m), ("bad-debt-rate", 60m))),
            Result("B002", "biz", 68m, values: Map(("loan-volume", 900_000m)), scores: Map(("loan-volume", 90m), ("bad-debt-rate", 40m))),
            Result("B003", "biz", 75m, scores: Map(("loan-volume", 70m), ("bad-debt-rate", 80m))),
            Result("O001", "ops", 99m, scores: Map(("loan-volume", 0m))),
        ], Cancel);

        var report = await tenant.GetJsonAsync("/api/v1/reports/employees/B002/improvement?period=2024-04");

        var indicators = report["indicators"]!.AsArray().ToDictionary(i => i!["indicatorId"]!.GetValue<string>(), i => i!);
        Assert.Equal((80m, 90m, 30m, "strength"), (D(indicators["loan-volume"]["departmentAverageScore"]), D(indicators["loan-volume"]["score"]), D(indicators["loan-volume"]["scoreChange"]), indicators["loan-volume"]["standing"]!.GetValue<string>()));
        Assert.Equal((60m, -5m, "weakness"), (D(indicators["bad-debt-rate"]["departmentAverageScore"]), D(indicators["bad-debt-rate"]["scoreChange"]), indicators["bad-debt-rate"]["standing"]!.GetValue<string>()));
        Assert.Equal(["loan-volume"], report["strengths"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["bad-debt-rate"], report["weaknesses"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("loan-volume", report["mostMoved"]!.GetValue<string>());
        Assert.Equal(71m, D(report["departmentAverageComposite"])); // (70 + 68 + 75) / 3
        Assert.Equal(["2024-03", "2024-04"], report["history"]!.AsArray().Select(h => h!["period"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Payroll_summary_sums_pay_per_department_and_grade_for_HR_only()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Archive.SaveCycleAsync(tenant.TenantId, "2024-05",
            [Result("B001", "biz", 95m, "S", 1200m), Result("B002", "biz", 85m, "A", 960m), Result("B003", "biz", 84m, "A", 960m), Result("O001", "ops", 72m, "B", 600m)], Cancel);
        var employee = await tenant.UserAsync("b2", [Role.Employee], "B002");
        var manager = await tenant.UserAsync("boss", [Role.Manager, Role.Employee], "B001");

        var report = await tenant.GetJsonAsync("/api/v1/reports/payroll?period=2024-05");
        var csv = await tenant.Http.GetStringAsync("/api/v1/reports/payroll?period=2024-05&format=csv", Cancel);

        Assert.Equal((4, 3720m, "CNY"), (report["headcount"]!.GetValue<int>(), D(report["amount"]), report["currency"]!.GetValue<string>()));
        var biz = report["departments"]![0]!;
        Assert.Equal(("biz", 3, 3120m), (biz["departmentId"]!.GetValue<string>(), biz["headcount"]!.GetValue<int>(), D(biz["amount"])));
        Assert.Equal([("A", 2, 1920m), ("S", 1, 1200m)], biz["grades"]!.AsArray().Select(g => (g!["grade"]!.GetValue<string>(), g["headcount"]!.GetValue<int>(), D(g["amount"]))));
        Assert.True(csv.Replace("\r", "", StringComparison.Ordinal).Contains("biz,业务部,A,2,1920,CNY", StringComparison.Ordinal), csv);
        Assert.Equal(403, (int)(await employee.GetAsync("/api/v1/reports/payroll?period=2024-05", Cancel)).StatusCode);
        Assert.Equal(403, (int)(await manager.GetAsync("/api/v1/reports/payroll?period=2024-05", Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_employee_sees_only_their_own_improvement_and_a_manager_only_their_departments()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Archive.SaveCycleAsync(tenant.TenantId, "2024-06", [Result("B002", "biz", 70m), Result("B003", "biz", 80m), Result("O002", "ops", 60m)], Cancel);
        var employee = await tenant.UserAsync("b3", [Role.Employee], "B003");
        var manager = await tenant.UserAsync("biz-boss", [Role.Manager, Role.Employee], "B001");
        var otherManager = await tenant.UserAsync("ops-boss", [Role.Manager, Role.Employee], "O001");

        Assert.Equal(200, (int)(await employee.GetAsync("/api/v1/reports/employees/B003/improvement?period=2024-06", Cancel)).StatusCode);
        Assert.Equal(403, (int)(await employee.GetAsync("/api/v1/reports/employees/B002/improvement?period=2024-06", Cancel)).StatusCode);
        Assert.Equal(403, (int)(await employee.GetAsync("/api/v1/reports/departments/biz/trend?from=2024-06&to=2024-06", Cancel)).StatusCode);
        Assert.Equal(200, (int)(await manager.GetAsync("/api/v1/reports/employees/B002/improvement?period=2024-06", Cancel)).StatusCode);
        Assert.Equal(200, (int)(await manager.GetAsync("/api/v1/reports/distribution?period=2024-06&departmentId=biz", Cancel)).StatusCode);
        Assert.Equal(403, (int)(await manager.GetAsync("/api/v1/reports/distribution?period=2024-06", Cancel)).StatusCode);
        Assert.Equal(403, (int)(await otherManager.GetAsync("/api/v1/reports/employees/B002/improvement?period=2024-06", Cancel)).StatusCode);
        Assert.Equal(403, (int)(await otherManager.GetAsync("/api/v1/reports/departments/biz/trend?from=2024-06&to=2024-06", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_good_CSV_import_lands_and_shows_in_the_trend_and_improvement_reports()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        const string file = "employeeId,month,composite,grade,ind:loan-volume,坏账率\nB004,2023-01,82.5,A,900000,2.5\nB004,2023-02,77,B,800000,4\nB005,2023-02,65,C,,\n";

        var dry = await Expect.StatusAsync(await tenant.Http.PostAsync("/api/v1/reviews/import?dryRun=true", Csv(file), Cancel), 200);
        Assert.Empty((await tenant.GetJsonAsync("/api/v1/reports/departments/biz/trend?from=2023-01&to=2023-02"))["months"]!.AsArray());
        var done = await Expect.StatusAsync(await tenant.Http.PostAsync("/api/v1/reviews/import", Csv(file), Cancel), 200);

        Assert.True(dry["dryRun"]!.GetValue<bool>());
        Assert.Equal((3, 2), (done["rows"]!.GetValue<int>(), done["employees"]!.GetValue<int>()));
        var trend = await tenant.GetJsonAsync("/api/v1/reports/departments/biz/trend?from=2023-01&to=2023-02");
        Assert.Equal([(1, 82.5m), (2, 71m)], trend["months"]!.AsArray().Select(m => (m!["members"]!.GetValue<int>(), D(m["averageComposite"]))));
        var improvement = await tenant.GetJsonAsync("/api/v1/reports/employees/B004/improvement?period=2023-02");
        var indicators = improvement["indicators"]!.AsArray().ToDictionary(i => i!["indicatorId"]!.GetValue<string>(), i => i!);
        // 800000 of a 1,000,000 target scores 80; a 4% bad-debt rate, target 3 and zero at 8, scores 100 × (8 − 4) / (8 − 3) = 80.
        Assert.Equal((800_000m, 80m, 90m), (D(indicators["loan-volume"]["value"]), D(indicators["loan-volume"]["score"]), D(indicators["loan-volume"]["previousScore"])));
        Assert.Equal((4m, 80m), (D(indicators["bad-debt-rate"]["value"]), D(indicators["bad-debt-rate"]["score"])));
        var audit = await tenant.GetJsonAsync("/api/v1/audit?action=review.import");
        Assert.Contains("review.import", audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_XLSX_import_lands_as_a_multipart_upload()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var workbook = new MemoryStream();
        workbook.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["employeeId"] = "T002", ["month"] = "2023-05", ["composite"] = 88.25m, ["grade"] = "A", ["Teamwork"] = 4m },
        }, excelType: ExcelType.XLSX);
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(workbook.ToArray());
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(part, "file", "history.xlsx");

        await Expect.StatusAsync(await tenant.Http.PostAsync("/api/v1/reviews/import", form, Cancel), 200);

        var report = await tenant.GetJsonAsync("/api/v1/reports/employees/T002/improvement?period=2023-05");
        Assert.Equal(88.25m, D(report["composite"]));
        var rated = report["indicators"]![0]!;
        Assert.Equal((4m, 80m), (D(rated["value"]), D(rated["score"]))); // a rating of 4 is 80 points
    }

    [Fact]
    public async Task A_file_with_bad_rows_reports_each_row_and_writes_nothing()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Archive.SaveCycleAsync(tenant.TenantId, "2023-07", [Result("B001", "biz", 70m)], Cancel);
        var open = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var file = new StringBuilder("employeeId,month,composite,grade,ind:loan-volume\n")
            .Append("B002,2023-06,70,B,100\n")             // row 2: good, yet not written
            .Append("NOPE,2023-06,70,B,100\n")             // row 3: unknown employee
            .Append("B003,2023-13,70,B,100\n")             // row 4: bad month
            .Append(CultureInfo.InvariantCulture, $"B003,{open},70,B,100\n") // row 5: the open month
            .Append("B002,2023-06,71,B,100\n")             // row 6: duplicate of row 2
            .Append("B004,2023-06,250,B,100\n")            // row 7: composite out of bounds
            .Append("B005,2023-06,70,B,lots\n")            // row 8: not a number
            .Append("B003,2023-07,70,B,100\n")             // row 9: a cycle closed 2023-07
            .ToString();

        var problem = await Expect.StatusAsync(await tenant.Http.PostAsync("/api/v1/reviews/import", Csv(file), Cancel), 400);
        var badHeader = await Expect.StatusAsync(await tenant.Http.PostAsync("/api/v1/reviews/import", Csv("employeeId,month,composite,mystery\nB002,2023-06,70,1\n"), Cancel), 400);

        var errors = problem["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]!.GetValue<string>())).ToList();
        Assert.Equal([(3, "employeeId"), (4, "month"), (5, "month"), (6, "month"), (7, "composite"), (8, "ind:loan-volume"), (9, "month")], errors);
        Assert.Equal((1, "mystery"), (badHeader["errors"]![0]!["row"]!.GetValue<int>(), badHeader["errors"]![0]!["column"]!.GetValue<string>()));
        var read = await Archive.ReadAsync(tenant.TenantId, new ArchiveQuery("2023-01", "2023-12"), 100, Cancel);
        Assert.Equal([("2023-07", "B001")], read.Rows.Select(r => (r.Period, r.Result.EmployeeId)));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Pulse.Organisation;
using Pulse.Reviews;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;
using Pulse.Silo.Tests.Payroll;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// The monthly review loop end to end, through the public HTTP API only, on silos whose clock the test moves: March 2031
/// of the seed company (200 people, their templates). The cycle opens on the 1st in Shanghai on a silo that was down at
/// midnight, and at New York's own midnight for a second tenant; a month of events flows in; managers rate everyone in
/// their scope; the values freeze after the grace window; HR calibrates with the seed's quotas (top 20%, bottom 10%) and
/// approves. Every composite, rank, grade and pay amount, and every cell of the CSV and XLSX export and of the payroll
/// push, must equal what <see cref="HandCalculator"/> and <see cref="HandCalibration"/> work out from the same events
/// and ratings. Then: an objection reaches HR; a late event leaves the approved result alone and shows as an adjustment;
/// reopening and approving again sends payroll nothing; a grade HR changes after the objection is sent alone.
/// </summary>
public sealed class ReviewMonthAcceptanceTests : IAsyncLifetime
{
    private const string Month = SeedMonth.Month;
    private const string Secret = "acceptance-payroll-secret";

    private static readonly DateTimeOffset ShanghaiMidnight = new(2031, 3, 1, 0, 0, 0, SeedMonth.Shanghai);
    private static readonly DateTimeOffset NewYorkMidnight = new(2031, 3, 1, 0, 0, 0, TimeSpan.FromHours(-5)); // EST until 9 March
    private static readonly DateTimeOffset MonthEnd = new(2031, 4, 1, 0, 0, 0, SeedMonth.Shanghai);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
    private CycleClock? _silo;
    private PayrollReceiver? _receiver;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private CycleClock Silo => _silo!;

    private PayrollReceiver Receiver => _receiver!;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_receiver is not null) await _receiver.DisposeAsync();
        if (_silo is not null) await _silo.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_month_of_the_seed_company_ends_in_the_results_and_pay_the_rules_give_by_hand()
    {
        var month = SeedMonth.Generate();
        var scores = month.Organisation.Employees!
            .Select(e => HandCalculator.Score(e.Id, e.DepartmentId, month.EventsOf(e.Id), month.Ratings[e.Id]))
            .ToDictionary(s => s.EmployeeId, StringComparer.Ordinal);
        var expected = HandCalibration.Calibrate(scores.Values);
        var byId = expected.ToDictionary(g => g.EmployeeId, StringComparer.Ordinal);
        ScenarioBitesEveryRule(expected, byId);

        // Before midnight: the two companies are set up, then the silo stops.
        string tenantId, newYorkId, ingestToken;
        await using (var before = new CycleClock(ShanghaiMidnight.AddHours(-4), _directory))
        {
            var tenant = await TenantClient.CreateAsync(before.App, month.Organisation);
            var newYork = await TenantClient.CreateAsync(before.App, DemoCompany.Document(10));
            await Expect.StatusAsync(await newYork.Admin.PutAsJsonAsync("/api/v1/tenant", new TenantSettings(newYork.TenantId, "NY Co", "America/New_York"), TenantClient.Json, Cancel), 200);
            var policy = new ReviewPolicy(3,
                [new GradeBand("S", 90m, 1.5m), new GradeBand("A", 80m, 1.2m), new GradeBand("B", 70m, 1.0m), new GradeBand("C", 60m, 0.8m), new GradeBand("D", 0m, 0.5m)],
                new ForcedDistribution(DistributionScope.Tenant, [new GradeQuota("A", MaxPercent: 20m), new GradeQuota("D", MinPercent: 10m)]));
            await Expect.StatusAsync(await tenant.Http.PutAsJsonAsync("/api/v1/review-policy", policy, TenantClient.Json, Cancel), 200);
            await before.Opener.PassAsync(Cancel);
            await Expect.StatusAsync(await tenant.Http.GetAsync($"/api/v1/cycles/{Month}", Cancel), 404);
            (tenantId, newYorkId, ingestToken) = (tenant.TenantId, newYork.TenantId, tenant.IngestToken);
        }

        // 03:00 on the 1st in Shanghai: a silo starting after midnight opens the month by itself.
        _silo = new CycleClock(ShanghaiMidnight.AddHours(3), _directory, new Dictionary<string, string> { ["Pulse:Payroll:AllowInsecureLoopback"] = "true" });
        _receiver = await PayrollReceiver.StartAsync(Silo.Clock);
        var hr = await SignInAsync(tenantId, "hr");
        var opened = await Expect.StatusAsync(await Expect.EventuallyAsync(() => hr.GetAsync($"/api/v1/cycles/{Month}", Cancel), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30)), 200);
        Assert.Equal("open", opened["status"]!.GetValue<string>());
        Assert.Equal(ShanghaiMidnight.AddHours(3), opened["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(SeedMonth.People, opened["participants"]!.GetValue<int>());
        Assert.Equal(SeedMonth.People, opened["missingRatings"]!.AsArray().Count);

        // New York is still on the last day of February; its month opens at its own midnight.
        var newYorkHr = await SignInAsync(newYorkId, "hr");
        await Expect.StatusAsync(await newYorkHr.GetAsync($"/api/v1/cycles/{Month}", Cancel), 404);
        Silo.MoveTo(NewYorkMidnight.AddSeconds(1));
        await Silo.Opener.PassAsync(Cancel);
        var newYorkCycle = await Expect.StatusAsync(await (await SignInAsync(newYorkId, "hr")).GetAsync($"/api/v1/cycles/{Month}", Cancel), 200);
        Assert.Equal(NewYorkMidnight.AddSeconds(1), newYorkCycle["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(10, newYorkCycle["participants"]!.GetValue<int>());

        hr = await SignInAsync(tenantId, "hr");
        await Expect.StatusAsync(await hr.PutAsJsonAsync("/api/v1/payroll-endpoint", new { url = Receiver.NewUrl(Secret, out var payrollPath), secret = Secret }, TenantClient.Json, Cancel), 200);
        var admin = await SignInAsync(tenantId, "admin");
        (string User, Role[] Roles, string Employee)[] people =
        [
            ("b001", [Role.Manager, Role.Employee], "B001"),
            ("o001", [Role.Manager, Role.Employee], "O001"), ("t001", [Role.Manager, Role.Employee], "T001"), ("b002", [Role.Employee], "B002"),
        ];
        foreach (var (user, roles, employee) in people)
        {
            await Expect.StatusAsync(await admin.PostAsJsonAsync("/api/v1/users", new NewUser(user, TenantClient.Password, roles, employee), TenantClient.Json, Cancel), 201);
        }

        // The month's events, as the business systems send them: three deliveries, one sent twice.
        var ingest = Silo.App.CreateClient();
        ingest.DefaultRequestHeaders.Add("X-Api-Key", ingestToken);
        var from = ShanghaiMidnight;
        foreach (var (postedAt, until) in new[]
        {
            (new DateTimeOffset(2031, 3, 11, 12, 0, 0, SeedMonth.Shanghai), new DateTimeOffset(2031, 3, 11, 0, 0, 0, SeedMonth.Shanghai)),
            (new DateTimeOffset(2031, 3, 21, 12, 0, 0, SeedMonth.Shanghai), new DateTimeOffset(2031, 3, 21, 0, 0, 0, SeedMonth.Shanghai)),
            (MonthEnd.AddHours(-1), MonthEnd),
        })
        {
            Silo.MoveTo(postedAt);
            var due = month.Events.Where(e => e.OccurredAt >= from && e.OccurredAt < until).Select(e => e.ToWire()).ToArray();
            var result = await Expect.StatusAsync(await ingest.PostAsJsonAsync("/api/v1/events", due, TenantClient.Json, Cancel), 200);
            Assert.Equal((due.Length, 0, 0), (result["accepted"]!.GetValue<int>(), result["duplicates"]!.GetValue<int>(), result["rejected"]!.GetValue<int>()));
            if (postedAt.Day == 21)
            {
                var resent = await Expect.StatusAsync(await ingest.PostAsJsonAsync("/api/v1/events", due, TenantClient.Json, Cancel), 200);
                Assert.Equal((0, due.Length), (resent["accepted"]!.GetValue<int>(), resent["duplicates"]!.GetValue<int>()));
            }
            from = until;
        }
        Assert.Equal(month.Events.Count, month.Events.Count(e => e.OccurredAt >= ShanghaiMidnight && e.OccurredAt < MonthEnd));

        // B002 assesses themself while the month is open.
        var b002 = await SignInAsync(tenantId, "b002");
        await Expect.StatusAsync(await b002.PutAsJsonAsync(PersonPath("B002", "self-assessment"),
            new { ratings = new[] { new { indicatorId = "attitude", rating = 4 } }, comment = "本月完成多笔大额放款" }, TenantClient.Json, Cancel), 200);

        // Month end: rating. Every manager rates the people of their departments; nobody is above the department heads
        // (总部 has no manager), so the cycle names HR as their rater and HR rates them.
        Silo.MoveTo(MonthEnd.AddMinutes(1));
        await Silo.Opener.PassAsync(Cancel);
        hr = await SignInAsync(tenantId, "hr");
        var rating = await CycleAsync(hr);
        Assert.Equal("rating", rating["status"]!.GetValue<string>());
        Assert.Equal(1, rating["selfAssessed"]!.GetValue<int>());
        var heads = rating["missingRatings"]!.AsArray().Where(m => m!["ratedByHr"]!.GetValue<bool>()).ToArray();
        Assert.Equal(["B001", "O001", "T001"], heads.Select(m => m!["employeeId"]!.GetValue<string>()));
        Assert.All(heads, m => Assert.Empty(m!["managerIds"]!.AsArray()));
        var raters = new Dictionary<char, HttpClient>
        {
            ['H'] = hr, ['B'] = await SignInAsync(tenantId, "b001"),
            ['O'] = await SignInAsync(tenantId, "o001"), ['T'] = await SignInAsync(tenantId, "t001"),
        };
        foreach (var id in scores.Keys)
        {
            var rater = raters[id is "B001" or "O001" or "T001" ? 'H' : id[0]];
            var body = new[] { new { indicatorId = SeedMonth.RatedIndicator(id), rating = month.Ratings[id], comment = $"{Month} 月度评价" } };
            await Expect.StatusAsync(await rater.PutAsJsonAsync(PersonPath(id, "ratings"), body, TenantClient.Json, Cancel), 200);
        }
        rating = await CycleAsync(hr);
        Assert.Equal(SeedMonth.People, rating["rated"]!.GetValue<int>());
        Assert.Empty(rating["missingRatings"]!.AsArray());

        // Three days of grace later the values freeze: calibrating. The calibration is the hand calibration, row by row.
        Silo.MoveTo(MonthEnd.AddDays(3).AddMinutes(1));
        await Silo.Opener.PassAsync(Cancel);
        hr = await SignInAsync(tenantId, "hr");
        Assert.Equal("calibrating", (await CycleAsync(hr))["status"]!.GetValue<string>());
        var calibration = await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{Month}/calibration", Cancel), 200);
        var rows = calibration["rows"]!.AsArray();
        Assert.Equal(expected.Select(g => g.EmployeeId), rows.Select(r => r!["employeeId"]!.GetValue<string>()));
        foreach (var (row, hand) in rows.Zip(expected))
        {
            var because = $"calibration of {hand.EmployeeId}";
            Assert.True(hand.Rank == row!["rank"]!.GetValue<int>(), because);
            Assert.True(hand.Composite == row["composite"]!.GetValue<decimal?>(), because);
            Assert.True(hand.BandGrade == row["bandGrade"]!.GetValue<string>(), because);
            Assert.True(hand.SuggestedGrade == row["suggestedGrade"]!.GetValue<string>(), because);
            Assert.True(hand.SuggestedGrade == row["grade"]!.GetValue<string>(), because);
        }

        // Approval: archived, every result published as worked out by hand, the payroll push and both files too.
        var approved = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{Month}/approve", null, Cancel), 200);
        Assert.Equal("archived", approved["status"]!.GetValue<string>());
        foreach (var hand in expected)
        {
            var review = await Expect.StatusAsync(await hr.GetAsync(PersonPath(hand.EmployeeId), Cancel), 200);
            Assert.True(review["published"]!.GetValue<bool>(), hand.EmployeeId);
            Assert.True(hand.Composite == review["composite"]!.GetValue<decimal?>(), $"composite of {hand.EmployeeId}");
            Assert.True(hand.SuggestedGrade == review["grade"]!.GetValue<string>(), $"grade of {hand.EmployeeId}");
            Assert.True(HandCalibration.Pay(hand.EmployeeId, hand.SuggestedGrade) == review["pay"]!["amount"]!.GetValue<decimal>(), $"pay of {hand.EmployeeId}");
        }
        var own = await Expect.StatusAsync(await (await SignInAsync(tenantId, "b002")).GetAsync(PersonPath("B002"), Cancel), 200);
        Assert.Equal((byId["B002"].Composite, byId["B002"].SuggestedGrade), (own["composite"]!.GetValue<decimal?>(), own["grade"]!.GetValue<string>()));
        Assert.Equal($"{Month} 月度评价", own["ratings"]![0]!["comment"]!.GetValue<string>());
        var grades = expected.ToDictionary(g => g.EmployeeId, g => g.SuggestedGrade, StringComparer.Ordinal);
        var pushed = Assert.Single(await PayrollSteps.ReceivedAsync(Receiver, payrollPath, 1));
        AssertPushed(pushed, grades, byId, month);
        await Expect.EventuallyAsync(async () => await CycleAsync(hr), c => c["payroll"]!["pushed"]!.GetValue<int>() == SeedMonth.People);
        var csv = await ExportAsync(hr, "csv");
        Assert.Equal(ExpectedCsv(grades, byId, month), Encoding.UTF8.GetString(csv[3..]));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        AssertXlsx(await ExportAsync(hr, "xlsx"), grades, byId, month);

        // Someone the quota moved from A to B objects; HR sees it.
        var objector = expected.First(g => g is { BandGrade: "A", SuggestedGrade: "B" }).EmployeeId;
        admin = await SignInAsync(tenantId, "admin");
        await Expect.StatusAsync(await admin.PostAsJsonAsync("/api/v1/users", new NewUser("objector", TenantClient.Password, [Role.Employee], objector), TenantClient.Json, Cancel), 201);
        var objection = new { kind = "object", text = "我的综合得分在A档,却因名额被降为B" };
        await Expect.StatusAsync(await (await SignInAsync(tenantId, "objector")).PostAsJsonAsync(PersonPath(objector, "response"), objection, TenantClient.Json, Cancel), 200);
        var objections = (await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{Month}/objections", Cancel), 200)).AsArray();
        Assert.Equal(objection.text, Assert.Single(objections, o => o!["employeeId"]!.GetValue<string>() == objector)!["response"]!["text"]!.GetValue<string>());
        Assert.Single(await AuditAsync(hr, "review.objection"));

        // A loan of 31 March reported on 5 April: kept, listed as an adjustment, the approved result and files unchanged.
        Silo.MoveTo(MonthEnd.AddDays(4).AddHours(10));
        hr = await SignInAsync(tenantId, "hr");
        var late = new PlannedEvent($"{Month}-late-B002", "loan.disbursed", "B002", MonthEnd.AddHours(-7), Amount: 400_000m);
        await Expect.StatusAsync(await ingest.PostAsJsonAsync("/api/v1/events", new[] { late.ToWire() }, TenantClient.Json, Cancel), 200);
        var adjustment = Assert.Single((await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{Month}/adjustments", Cancel), 200)).AsArray())!;
        Assert.Equal("B002", adjustment["employeeId"]!.GetValue<string>());
        var b002Events = month.EventsOf("B002").Count();
        Assert.Equal((b002Events, b002Events + 1), (adjustment["frozenEventCount"]!.GetValue<long>(), adjustment["currentEventCount"]!.GetValue<long>()));
        Assert.Equal(1, (await CycleAsync(hr))["adjustments"]!.GetValue<int>());
        var b002Review = await Expect.StatusAsync(await hr.GetAsync(PersonPath("B002"), Cancel), 200);
        Assert.Equal(byId["B002"].Composite, b002Review["composite"]!.GetValue<decimal?>());
        Assert.Equal(csv, await ExportAsync(hr, "csv"));

        // Reopened and approved again with nothing changed: payroll is sent nothing; setting the endpoint again neither.
        await Expect.StatusAsync(await hr.PostAsJsonAsync($"/api/v1/cycles/{Month}/reopen", new { reason = "核对迟到的放款" }, TenantClient.Json, Cancel), 200);
        var again = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{Month}/approve", null, Cancel), 200);
        Assert.Equal(2, again["revision"]!.GetValue<int>());
        Assert.Equal((SeedMonth.People, 0, 0), (again["payroll"]!["pushed"]!.GetValue<int>(), again["payroll"]!["pending"]!.GetValue<int>(), again["payroll"]!["failed"]!.GetValue<int>()));
        await Expect.StatusAsync(await hr.PutAsJsonAsync("/api/v1/payroll-endpoint", new { url = $"http://127.0.0.1:{Receiver.Port}/{payrollPath}?system=hr", secret = Secret }, TenantClient.Json, Cancel), 200);
        Assert.Equal(0, (await CycleAsync(hr))["payroll"]!["pending"]!.GetValue<int>());

        // Reopened for the objection: HR gives A with a reason; approval sends payroll that one line and nothing else.
        await Expect.StatusAsync(await hr.PostAsJsonAsync($"/api/v1/cycles/{Month}/reopen", new { reason = "复核申诉" }, TenantClient.Json, Cancel), 200);
        await Expect.StatusAsync(await hr.PutAsJsonAsync($"/api/v1/cycles/{Month}/grades/{objector}", new { grade = "A", reason = "申诉成立:带教两名新人" }, TenantClient.Json, Cancel), 200);
        var third = await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{Month}/approve", null, Cancel), 200);
        Assert.Equal(3, third["revision"]!.GetValue<int>());
        var pushes = await PayrollSteps.ReceivedAsync(Receiver, payrollPath, 2);
        grades[objector] = "A";
        var correction = pushes[1];
        Assert.True(correction.SignatureValid);
        Assert.Equal([objector], correction.EmployeeIds);
        Assert.Equal("A", correction.Lines[0]!["grade"]!.GetValue<string>());
        Assert.Equal(HandCalibration.Pay(objector, "A"), correction.Lines[0]!["amount"]!.GetValue<decimal>());
        await Expect.EventuallyAsync(async () => await CycleAsync(hr), c => c["payroll"]!["pending"]!.GetValue<int>() == 0);
        Assert.Equal(2, Receiver.Received(payrollPath).Count);
        Assert.Equal(ExpectedCsv(grades, byId, month), Encoding.UTF8.GetString((await ExportAsync(hr, "csv"))[3..]));
        AssertXlsx(await ExportAsync(hr, "xlsx"), grades, byId, month);

        // Every step of it is in the audit log, with who and why.
        var reopenings = (await AuditAsync(hr, "cycle.calibrating")).Where(e => e!["entry"]!["actor"]!.GetValue<string>() == "hr").ToArray();
        Assert.Equal(2, reopenings.Length);
        Assert.Contains(reopenings, e => e!["entry"]!["after"]!.GetValue<string>().Contains("复核申诉", StringComparison.Ordinal));
        Assert.Equal(3, (await AuditAsync(hr, "cycle.approve")).Count);
        var overridden = Assert.Single(await AuditAsync(hr, "cycle.grade-override"))!["entry"]!;
        Assert.Contains("申诉成立", overridden["after"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The generated month must exercise what the test claims: both quotas move people, and both tie-breaks decide an order.</summary>
    private static void ScenarioBitesEveryRule(HandGrade[] expected, Dictionary<string, HandGrade> byId)
    {
        var bands = string.Join(", ", HandCalibration.Grades.Select(b => $"{b}: {expected.Count(g => g.BandGrade == b)}"));
        Assert.True(expected.Count(g => g.BandGrade is "S" or "A") > 40, $"more than 20% reach A, so the cap moves people to B ({bands})");
        Assert.Contains(expected, g => g.BandGrade == "S");
        var bandD = expected.Count(g => g.BandGrade == "D");
        Assert.True(bandD is > 0 and < 20, $"some but fewer than 10% fall to D by band, so the floor moves people down ({bands})");
        Assert.Equal(20, expected.Count(g => g.SuggestedGrade == "D"));
        Assert.Equal(40, expected.Count(g => g.SuggestedGrade is "S" or "A"));
        Assert.Equal((84.00m, 84.00m), (byId["B098"].Composite, byId["T040"].Composite));
        Assert.Equal(byId["B098"].Rank + 1, byId["T040"].Rank);
        Assert.Equal(byId["B099"].Rank + 1, byId["B100"].Rank);
        Assert.Equal(60.00m, byId["T039"].Composite);
    }

    private static string ExpectedCsv(Dictionary<string, string> grades, Dictionary<string, HandGrade> byId, SeedMonth month)
    {
        var text = new StringBuilder("期间 Period,工号 EmployeeId,姓名 Name,部门编号 DepartmentId,部门 Department,等级 Grade,综合得分 Composite,绩效基数 Base,系数 Coefficient,绩效工资 Amount,币种 Currency\r\n");
        foreach (var (id, grade) in grades.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var employee = Employee(month, id);
            text.Append(CultureInfo.InvariantCulture,
                $"{Month},{id},{employee.Name},{employee.DepartmentId},{DepartmentName(employee.DepartmentId)},{grade},{byId[id].Composite:0.00},{HandCalibration.Base(id):0.00},{HandCalibration.Coefficient(grade):0.00},{HandCalibration.Pay(id, grade):0.00},CNY\r\n");
        }
        return text.ToString();
    }

    private static void AssertXlsx(byte[] file, Dictionary<string, string> grades, Dictionary<string, HandGrade> byId, SeedMonth month)
    {
        using var stream = new MemoryStream(file);
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(grades.Keys.Order(StringComparer.Ordinal), rows.Select(r => (string)r["工号 EmployeeId"]!));
        foreach (var row in rows)
        {
            var id = (string)row["工号 EmployeeId"]!;
            var employee = Employee(month, id);
            object?[] cells =
            [
                Month, id, employee.Name, employee.DepartmentId, DepartmentName(employee.DepartmentId), grades[id],
                (double)byId[id].Composite!.Value, (double)HandCalibration.Base(id), (double)HandCalibration.Coefficient(grades[id]), (double)HandCalibration.Pay(id, grades[id]), "CNY",
            ];
            Assert.Equal(cells, row.Values);
        }
    }

    private static void AssertPushed(ReceivedPush push, Dictionary<string, string> grades, Dictionary<string, HandGrade> byId, SeedMonth month)
    {
        Assert.True(push.SignatureValid);
        Assert.Equal(grades.Keys.Order(StringComparer.Ordinal), push.EmployeeIds);
        foreach (var line in push.Lines)
        {
            var id = line!["employeeId"]!.GetValue<string>();
            Assert.Equal(Employee(month, id).Name, line["name"]!.GetValue<string>());
            Assert.Equal(grades[id], line["grade"]!.GetValue<string>());
            Assert.Equal(byId[id].Composite, line["composite"]!.GetValue<decimal?>());
            Assert.Equal(HandCalibration.Base(id), line["base"]!.GetValue<decimal>());
            Assert.Equal(HandCalibration.Coefficient(grades[id]), line["coefficient"]!.GetValue<decimal>());
            Assert.Equal(HandCalibration.Pay(id, grades[id]), line["amount"]!.GetValue<decimal>());
            Assert.Equal("CNY", line["currency"]!.GetValue<string>());
        }
    }

    private static Employee Employee(SeedMonth month, string id) => month.Organisation.Employees!.Single(e => e.Id == id);

    private static string DepartmentName(string departmentId) => departmentId switch
    {
        "biz" => "业务部",
        "ops" => "运营部",
        _ => "技术部",
    };

    private static string PersonPath(string employeeId, string? what = null) => $"/api/v1/cycles/{Month}/employees/{employeeId}{(what is null ? "" : "/" + what)}";

    private static async Task<byte[]> ExportAsync(HttpClient hr, string format)
    {
        var response = await hr.GetAsync($"/api/v1/cycles/{Month}/pay?format={format}", Cancel);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Cancel);
    }

    /// <summary>A fresh sign-in: the clock moves by days, longer than a token lasts.</summary>
    private Task<HttpClient> SignInAsync(string tenantId, string userName) => TenantClient.SignInAsync(Silo.App, tenantId, userName, TenantClient.Password);

    private static async Task<JsonNode> CycleAsync(HttpClient hr) => await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{Month}", Cancel), 200);

    private static async Task<List<JsonNode?>> AuditAsync(HttpClient hr, string action) =>
        [.. (await Expect.StatusAsync(await hr.GetAsync($"/api/v1/audit?action={action}&limit=100", Cancel), 200)).AsArray()];
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Playwright;
using MiniExcelLibs;
using Pulse.Integration.Tests.Dashboard;
using static Microsoft.Playwright.Assertions;

namespace Pulse.Integration.Tests.Review;

/// <summary>
/// HR's review screens in the dashboard: the policy editor and the payroll endpoint (the server's reasons at the field,
/// a good save read back through the API), the history import (a bad row refuses the whole file, a good file imports),
/// the month's objections, and that nobody else sees any of it.
/// </summary>
public sealed class ReviewSettingsPagesTests(DashboardSite site) : IClassFixture<DashboardSite>
{
    private readonly ReviewSiteApi _api = new(site);

    [Fact]
    public async Task HR_edits_the_policy_a_bad_value_shows_the_servers_reason_at_the_field_and_a_good_save_persists()
    {
        var before = await _api.PolicyAsync();
        var secondMin = before["bands"]![1]!["minComposite"]!.GetValue<decimal>();
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "hr");
        await page.Locator("nav a[href='#/review-settings']").ClickAsync();
        var form = page.Locator("[data-testid=policy-form]");
        await Expect(form.Locator("[data-path='graceDays']")).ToHaveValueAsync(before["graceDays"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture));

        // Grace days are whole days: the form says so at the field before asking the server.
        var grace = form.Locator("[data-path='graceDays']");
        await grace.FillAsync("2.5");
        await form.Locator("[data-action=save-policy]").ClickAsync();
        await Expect(form.Locator("[data-error-for='graceDays']")).ToHaveTextAsync("请填写整数。");
        await grace.FillAsync(before["graceDays"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture));

        // The second band above the first: the server refuses and names bands[1].minComposite; nothing changes.
        await form.Locator("[data-path='bands[1].minComposite']").FillAsync("95");
        await form.Locator("[data-action=save-policy]").ClickAsync();
        await Expect(form.Locator("[data-error-for='bands[1].minComposite']")).ToContainTextAsync("highest first");
        await Expect(form.Locator("[data-error-for='graceDays']")).ToBeEmptyAsync();
        await Expect(form.Locator("[data-path='bands[1].minComposite']")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(secondMin, (await _api.PolicyAsync())["bands"]![1]!["minComposite"]!.GetValue<decimal>());
        await DashboardSite.ScreenshotAsync(page, "review-settings-error");

        // A quota percent over 100 is named at its field too.
        await form.Locator("[data-path='bands[1].minComposite']").FillAsync("85");
        await form.Locator("[data-action=distribution]").CheckAsync();
        await form.Locator("[data-path='distribution.quotas[0].maxPercent']").FillAsync("120");
        await form.Locator("[data-action=save-policy]").ClickAsync();
        await Expect(form.Locator("[data-error-for='distribution.quotas[0].maxPercent']")).ToContainTextAsync("between 0 and 100");
        await Expect(form.Locator("[data-error-for='bands[1].minComposite']")).ToBeEmptyAsync();

        await form.Locator("[data-path='distribution.quotas[0].maxPercent']").FillAsync("20");
        await form.Locator("[data-path='graceDays']").FillAsync("5");
        await form.Locator("[data-path='baseByGrade.A']").FillAsync("6000");
        await form.Locator("[data-action=save-policy]").ClickAsync();
        await Expect(page.Locator("[data-testid=policy-saved]")).ToHaveTextAsync("已保存。");

        var after = await _api.PolicyAsync();
        Assert.Equal(5, after["graceDays"]!.GetValue<int>());
        Assert.Equal(85m, after["bands"]![1]!["minComposite"]!.GetValue<decimal>());
        Assert.Equal("tenant", after["distribution"]!["scope"]!.GetValue<string>());
        var quota = Assert.Single(after["distribution"]!["quotas"]!.AsArray())!;
        Assert.Equal(before["bands"]![0]!["grade"]!.GetValue<string>(), quota["grade"]!.GetValue<string>());
        Assert.Equal(20m, quota["maxPercent"]!.GetValue<decimal>());
        Assert.Equal(6000m, after["baseByGrade"]!["A"]!.GetValue<decimal>());

        // Read again by a fresh page: the form shows what was stored.
        await page.ReloadAsync();
        await Expect(form.Locator("[data-path='graceDays']")).ToHaveValueAsync("5");
        await Expect(form.Locator("[data-path='bands[1].minComposite']")).ToHaveValueAsync("85");
        await Expect(form.Locator("[data-path='distribution.quotas[0].maxPercent']")).ToHaveValueAsync("20");

        // The payroll endpoint: the server's reasons for a wrong URL and a short secret, each at its field.
        var endpoint = page.Locator("[data-testid=payroll-endpoint]");
        await Expect(endpoint.Locator("[data-testid=payroll-endpoint-none]")).ToBeVisibleAsync();
        await endpoint.Locator("[data-path=url]").FillAsync("ftp://payroll.invalid/pulse");
        await endpoint.Locator("[data-path=secret]").FillAsync("short");
        await endpoint.Locator("[data-action=save-payroll-endpoint]").ClickAsync();
        await Expect(endpoint.Locator("[data-error-for=url]")).Not.ToBeEmptyAsync();
        await Expect(endpoint.Locator("[data-error-for=secret]")).ToContainTextAsync("16 to 256");
        using (var hr = _api.Hr()) Assert.False((await ReviewSiteApi.GetAsync(hr, "/api/v1/payroll-endpoint"))["configured"]!.GetValue<bool>());

        // A good save (a loopback address nothing answers on: no traffic leaves the machine): the page shows the URL
        // masked to scheme and host and that a secret is stored; the secret field is empty and the secret never returns.
        const string secret = "pulse-test-signing-secret-0123456789";
        await endpoint.Locator("[data-path=url]").FillAsync("https://127.0.0.1:9/payroll/pulse?token=abc");
        await endpoint.Locator("[data-path=secret]").FillAsync(secret);
        await endpoint.Locator("[data-action=save-payroll-endpoint]").ClickAsync();
        await Expect(endpoint.Locator("[data-testid=payroll-endpoint-saved]")).ToHaveTextAsync("已保存。");
        await Expect(endpoint.Locator("[data-testid=payroll-endpoint-url]")).ToHaveTextAsync("https://127.0.0.1:9/…");
        await Expect(endpoint.Locator("[data-testid=payroll-endpoint-secret]")).ToHaveAttributeAsync("data-has-secret", "true");
        await Expect(endpoint.Locator("[data-testid=payroll-endpoint-updated]")).ToContainTextAsync("hr");
        await Expect(endpoint.Locator("[data-path=secret]")).ToHaveValueAsync("");
        await Expect(endpoint.Locator("[data-error-for=url]")).ToBeEmptyAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        using (var hr = _api.Hr())
        {
            var stored = await ReviewSiteApi.GetAsync(hr, "/api/v1/payroll-endpoint");
            Assert.True(stored["configured"]!.GetValue<bool>());
            Assert.Equal("https://127.0.0.1:9/…", stored["maskedUrl"]!.GetValue<string>());
            Assert.DoesNotContain(secret, stored.ToJsonString(), StringComparison.Ordinal);
        }
        await DashboardSite.ScreenshotAsync(page, "review-settings");
        await DashboardSite.AssertNoCspViolationsAsync(page);
        await page.Context.CloseAsync();

        // 375 px wide: the forms stack and the page does not scroll sideways.
        var phone = await site.NewPageAsync(375, 812);
        await DashboardSite.SignInAsync(phone, "hr");
        await phone.GotoAsync("/#/review-settings");
        await Expect(phone.Locator("[data-testid=policy-form] [data-path='graceDays']")).ToHaveValueAsync("5");
        await Expect(phone.Locator("[data-testid=history-import]")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375, "The review settings page scrolls sideways at 375 px.");
        await DashboardSite.ScreenshotAsync(phone, "review-settings-phone");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task An_import_with_a_bad_row_shows_that_rows_reason_and_imports_nothing_then_a_good_file_imports()
    {
        const string month = "2023-03";
        Assert.Equal(0, await _api.BusinessMembersAsync(month));
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "hr");
        await page.GotoAsync("/#/review-settings");
        var import = page.Locator("[data-testid=history-import]");

        await import.Locator("input[type=file]").SetInputFilesAsync(Csv(
            "employeeId,month,composite,grade",
            $"B002,{month},86.5,A",
            $"B003,{month},abc,B",
            $"B004,{month},71,B"));
        await import.Locator("[data-action=import]").ClickAsync();
        var bad = import.Locator("[data-testid=import-errors] tbody tr");
        await Expect(bad).ToHaveCountAsync(1);
        await Expect(bad.First).ToHaveAttributeAsync("data-row", "3");
        await Expect(bad.First).ToHaveAttributeAsync("data-column", "composite");
        await Expect(bad.First).ToContainTextAsync("'abc' is not a number");
        Assert.Equal(0, await _api.BusinessMembersAsync(month));
        await DashboardSite.ScreenshotAsync(page, "review-import-refused");

        await import.Locator("input[type=file]").SetInputFilesAsync(Csv(
            "employeeId,month,composite,grade",
            $"B002,{month},86.5,A",
            $"B003,{month},78,B",
            $"B004,{month},71,B"));
        await import.Locator("[data-action=import]").ClickAsync();
        await Expect(import.Locator("[data-testid=import-accepted]")).ToHaveAttributeAsync("data-rows", "3");
        await Expect(import.Locator("[data-testid=import-errors]")).ToHaveCountAsync(0);
        Assert.Equal(3, await _api.BusinessMembersAsync(month));

        // An XLSX workbook goes the same way; "check only" checks it and writes nothing, then it imports.
        const string next = "2023-04";
        await import.Locator("input[type=file]").SetInputFilesAsync(Xlsx(
            new() { ["employeeId"] = "B002", ["month"] = next, ["composite"] = 81m, ["grade"] = "A" },
            new() { ["employeeId"] = "B003", ["month"] = next, ["composite"] = 74.5m, ["grade"] = "B" }));
        await import.Locator("[data-action=dry-run]").CheckAsync();
        await import.Locator("[data-action=import]").ClickAsync();
        await Expect(import.Locator("[data-testid=import-accepted]")).ToHaveAttributeAsync("data-dry-run", "true");
        Assert.Equal(0, await _api.BusinessMembersAsync(next));
        await import.Locator("[data-action=dry-run]").UncheckAsync();
        await import.Locator("[data-action=import]").ClickAsync();
        await Expect(import.Locator("[data-testid=import-accepted]")).ToHaveAttributeAsync("data-dry-run", "false");
        await Expect(import.Locator("[data-testid=import-accepted]")).ToHaveAttributeAsync("data-rows", "2");
        Assert.Equal(2, await _api.BusinessMembersAsync(next));
        await DashboardSite.ScreenshotAsync(page, "review-import-accepted");
        await DashboardSite.AssertNoCspViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_objection_raised_through_the_API_appears_in_HRs_list_and_a_manager_does_not_see_the_list()
    {
        var period = ReviewSiteApi.MonthsAgo(2);
        var approved = await _api.ApprovedMonthAsync(period);
        Assert.Equal("archived", approved["status"]!.GetValue<string>());
        const string reason = "团队协作评分没有考虑我带教新人的工作";
        using (var employee = await _api.AsAsync("emp"))
        {
            await ReviewSiteApi.SendAsync(employee, HttpMethod.Post, $"/api/v1/cycles/{period}/employees/{DashboardSite.OwnEmployee}/response", new { kind = "object", text = reason });
        }

        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, "hr");
        await page.GotoAsync($"/#/review/{period}");
        var objection = page.Locator($"[data-testid=objections] li[data-employee-id={DashboardSite.OwnEmployee}]");
        await Expect(objection.Locator("[data-testid=objection-text]")).ToHaveTextAsync(reason);
        await Expect(page.Locator("[data-testid=objections] li")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=adjustments]")).ToBeVisibleAsync();
        await DashboardSite.ScreenshotAsync(page, "review-objections");
        await DashboardSite.AssertNoCspViolationsAsync(page);
        await page.Context.CloseAsync();

        var manager = await site.NewPageAsync();
        await DashboardSite.SignInAsync(manager, "mgr");
        await manager.GotoAsync($"/#/review/{period}");
        await Expect(manager.Locator("[data-testid=cycle-status]")).ToHaveAttributeAsync("data-status", "archived");
        await Expect(manager.Locator("[data-testid=objections]")).ToHaveCountAsync(0);
        Assert.Equal(403, await FetchStatusAsync(manager, $"/api/v1/cycles/{period}/objections"));
        await manager.Context.CloseAsync();
    }

    [Theory]
    [InlineData("emp")]
    [InlineData("mgr")]
    public async Task Someone_without_HR_sees_no_review_settings_and_typing_the_address_gets_a_refusal_not_data(string userName)
    {
        var page = await site.NewPageAsync();
        await DashboardSite.SignInAsync(page, userName);
        await Expect(page.Locator("nav a")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("nav a[href='#/review-settings']")).ToHaveCountAsync(0);

        await page.GotoAsync("/#/review-settings");
        await Expect(page.Locator("[data-page=review-settings] [data-testid=refusal]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=policy], [data-testid=payroll-endpoint], [data-testid=history-import]")).ToHaveCountAsync(0);
        // The server is the authority: the calls behind the screens are refused to this account.
        Assert.Equal(403, await FetchStatusAsync(page, "/api/v1/payroll-endpoint"));
        using (var http = await _api.AsAsync(userName))
        {
            Assert.Equal(HttpStatusCode.Forbidden, await ReviewSiteApi.StatusAsync(http, "/api/v1/payroll-endpoint"));
            using var refused = await http.PostAsync("/api/v1/reviews/import", new StringContent("employeeId,month,composite\nB003,2023-04,90\n", Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var policy = await http.PutAsync("/api/v1/review-policy", System.Net.Http.Json.JsonContent.Create(new { graceDays = 1, bands = new[] { new { grade = "X", minComposite = 0, coefficient = 9 } } }), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, policy.StatusCode);
        }
        await DashboardSite.ScreenshotAsync(page, $"review-settings-refused-{userName}");
        await page.Context.CloseAsync();
    }

    private static FilePayload Csv(params string[] lines) =>
        new() { Name = "history.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n") };

    private static FilePayload Xlsx(params Dictionary<string, object?>[] rows)
    {
        using var workbook = new MemoryStream();
        workbook.SaveAs(rows, excelType: ExcelType.XLSX);
        return new() { Name = "history.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = workbook.ToArray() };
    }

    /// <summary>The status the API gives this page's signed-in account (its cookie) for a GET.</summary>
    private static Task<int> FetchStatusAsync(IPage page, string path) =>
        page.EvaluateAsync<int>("path => fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(r => r.status)", path);
}

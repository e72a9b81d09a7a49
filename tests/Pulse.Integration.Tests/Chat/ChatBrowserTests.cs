using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pulse.Integration.Tests.Dashboard;
using static Microsoft.Playwright.Assertions;

namespace Pulse.Integration.Tests.Chat;

/// <summary>
/// The chat as people use it: the official Web Chat served by a real silo, in the machine's Chromium, talking to the
/// silo's Direct Line channel and bot, under the content security policy the app is served with.
/// </summary>
public sealed class ChatBrowserTests(ChatSite chat) : IClassFixture<ChatSite>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_employee_asks_for_progress_in_the_panel_and_sees_the_APIs_numbers_then_a_breach_arrives_without_a_reload()
    {
        // A month with a number that needs a separator and decimals.
        await chat.Site.PostLoanAsync(ChatSite.Employee, 23_456.78m, Cancel);
        var (page, _) = await chat.NewPageAsync();
        await DashboardSite.SignInAsync(page, ChatSite.UserName);
        await Expect(page).ToHaveURLAsync(new Regex($"#/employee/{ChatSite.Employee}$"));

        await page.Locator("#chat-panel .chat-toggle").ClickAsync();
        var webChat = new WebChatPage(page.Locator("#chat-panel"));
        await Expect(webChat.SendBox).ToBeVisibleAsync(ChatSite.FirstShow);
        await webChat.SayAsync("我的进度");
        var answer = webChat.Bubble("本月进度");
        await Expect(answer).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The numbers are the API's, as the bot writes them.
        var performance = await chat.PerformanceAsync(Cancel);
        await Expect(answer).ToContainTextAsync(ChatSite.BotNumber(performance["composite"]!.GetValue<decimal>()));
        var indicators = performance["sections"]!.AsArray().SelectMany(s => s!["indicators"]!.AsArray()).Select(i => i!).ToArray();
        var loans = indicators.Single(i => (string?)i["id"] == "loan-volume");
        Assert.Equal(123_456.78m, loans["value"]!.GetValue<decimal>());
        foreach (var indicator in indicators.Where(i => (string?)i["status"] == "scored"))
        {
            await Expect(answer).ToContainTextAsync(ChatSite.BotNumber(indicator["value"]!.GetValue<decimal>()));
            await Expect(answer).ToContainTextAsync(ChatSite.BotNumber(indicator["attainment"]!.GetValue<decimal>()) + "%");
        }
        await Expect(answer).ToContainTextAsync("123,456.78");
        await DashboardSite.ScreenshotAsync(page, "chat-panel-progress");

        // 坏账率 above 5% over at least three samples (a ratio's samples are its denominator's events, the loans): a
        // third loan, then 9,000 defaulted of 133,456.78 lent (6.74%) in three defaults.
        await page.EvaluateAsync("() => { window.pulseTestMark = 'still here'; }");
        await chat.Site.PostLoanAsync(ChatSite.Employee, 10_000m, Cancel);
        foreach (var amount in new[] { 3_000m, 3_000m, 3_000m }) await chat.Site.PostEventAsync("loan.defaulted", ChatSite.Employee, new { amount }, Cancel);
        var badDebt = (await chat.PerformanceAsync(Cancel))["sections"]!.AsArray().SelectMany(s => s!["indicators"]!.AsArray())
            .Single(i => (string?)i!["id"] == "bad-debt-rate")!;
        var rate = badDebt["value"]!.GetValue<decimal>();
        Assert.True(rate > 5m && badDebt["samples"]!.GetValue<long>() >= 3, $"The events did not breach the threshold: {badDebt.ToJsonString()}");
        var alert = webChat.Bubble(new Regex($"坏账率.*{Regex.Escape(ChatSite.BotNumber(rate))}%"));
        await Expect(alert).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.pulseTestMark"));
        await DashboardSite.ScreenshotAsync(page, "chat-panel-alert");
        await DashboardSite.AssertNoCspViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_chat_page_at_phone_width_signs_in_first_then_fits_the_screen_and_answers()
    {
        var (page, requests) = await chat.NewPageAsync(width: 375, height: 812);
        await page.GotoAsync("/chat");
        await Expect(page.Locator("form.sign-in")).ToBeVisibleAsync();
        lock (requests) Assert.DoesNotContain(requests, r => r.Contains("/v3/directline", StringComparison.Ordinal));

        await page.Locator("#tenant").FillAsync(DashboardSite.TenantId);
        await page.Locator("#user").FillAsync(ChatSite.UserName);
        await page.Locator("#password").FillAsync(TenantSetup.Password);
        await page.Locator("form.sign-in button[type=submit]").ClickAsync();
        var webChat = new WebChatPage(page.Locator(".chat-page"));
        await Expect(webChat.SendBox).ToBeVisibleAsync(ChatSite.FirstShow);
        Assert.Equal("/chat", new Uri(page.Url).AbsolutePath);

        await webChat.SayAsync("how am I doing");
        await Expect(webChat.Bubble("Your progress this month")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[2] && widths[1] <= widths[2], $"The page is wider than the screen: {string.Join(", ", widths)}");
        var box = await webChat.SendBox.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= 375.5 && box.Y + box.Height <= 812.5, $"The send box is off the screen: {box.X}, {box.Y}, {box.Width}");
        await DashboardSite.ScreenshotAsync(page, "chat-phone");
        await DashboardSite.AssertNoCspViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Switching_the_dashboards_language_re_renders_the_open_chat_in_that_language_and_keeps_the_conversation()
    {
        var (page, _) = await chat.NewPageAsync();
        await DashboardSite.SignInAsync(page, ChatSite.UserName);
        await page.Locator("#chat-panel .chat-toggle").ClickAsync();
        var webChat = new WebChatPage(page.Locator("#chat-panel"));
        await Expect(webChat.SendBox).ToBeVisibleAsync(ChatSite.FirstShow);
        await Expect(webChat.SendBox).ToHaveAttributeAsync("placeholder", "键入消息");
        await webChat.SayAsync("帮助");
        var asked = webChat.Transcript.Locator(".webchat__bubble--from-user", new() { HasText = "帮助" }).First;
        await Expect(asked).ToBeVisibleAsync();

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(webChat.SendBox).ToHaveAttributeAsync("placeholder", "Type your message");
        await Expect(page.Locator("#chat-panel .chat-toggle")).ToHaveTextAsync("Assistant");
        await Expect(asked).ToBeVisibleAsync();
        await page.Locator("#lang-switch").ClickAsync(); // and back
        await Expect(webChat.SendBox).ToHaveAttributeAsync("placeholder", "键入消息");
        await DashboardSite.AssertNoCspViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}

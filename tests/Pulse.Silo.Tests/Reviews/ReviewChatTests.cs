using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Bot.Conversation.Replies;
using Pulse.Bot.Proactive;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Reviews;
using Pulse.Scoring;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Bot.DirectLine;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// The monthly review in chat, over real Direct Line on a silo whose clock the tests move: the cycle's opening reaches a
/// manager's open conversation and waits for an offline one; approval brings each employee their result card with the
/// API's numbers; acknowledging and objecting in chat go through the review service once, audited, the objection to HR;
/// the chat shows nobody another person's result.
/// </summary>
public sealed class ReviewChatTests : IAsyncLifetime
{
    private const string Month = "2031-05";
    private const string ReviewNotice = ReviewNoticeActivityFactory.Name;
    private static readonly TimeZoneInfo Shanghai = Period.Zone("Asia/Shanghai");

    private CycleClock _silo = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        // The relay keeps a tenant's accounts for a few seconds of real time; the tests make accounts and at once expect
        // their notices, so it reads them afresh for every notice.
        _silo = new CycleClock(new DateTimeOffset(2031, 4, 10, 4, 0, 0, TimeSpan.Zero),
            settings: new Dictionary<string, string> { ["Pulse:Bot:Alerts:DirectoryCacheFor"] = "00:00:00" });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        try { Directory.Delete(_silo.App.DataDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_cycle_opening_reaches_a_managers_open_conversation_an_offline_manager_finds_it_later_the_reminder_follows_and_managers_ask_who_still_needs_rating()
    {
        var tenant = await TenantClient.CreateAsync(_silo.App, DemoCompany.Document(10));
        await MoveAsync(Period.Start(Month, Shanghai).AddSeconds(-10));
        var b001 = await _silo.UserAsync(tenant, "b001", [Role.Manager, Role.Employee], "B001");
        var o001 = await _silo.UserAsync(tenant, "o001", [Role.Manager, Role.Employee], "O001");
        await _silo.UserAsync(tenant, "b002", [Role.Employee], "B002");
        var manager = await DirectLineChat.StartAsync(_silo.App, b001, "zh-CN");

        await MoveAsync(Period.Start(Month, Shanghai).AddSeconds(1));
        await _silo.Opener.PassAsync(Cancel);

        var cycle = await Expect.StatusAsync(await b001.GetAsync($"/api/v1/cycles/{Month}", Cancel), 200);
        var toRate = cycle["missingRatings"]!.AsArray().Count(m => m!["managerIds"]!.AsArray().Any(id => id!.GetValue<string>() == "B001"));
        Assert.True(toRate > 0);
        var notice = await NoticeAsync(manager, Month);
        var text = notice["text"]!.GetValue<string>();
        Assert.Contains($"你需要为 {toRate} 人评分", text, StringComparison.Ordinal);
        Assert.Contains(TimeZoneInfo.ConvertTime(cycle["freezesAt"]!.GetValue<DateTimeOffset>(), Shanghai).ToString("yyyy-MM-dd HH:mm"), text, StringComparison.Ordinal);
        Assert.Equal("zh-CN", notice["locale"]!.GetValue<string>());
        Assert.Null(notice["replyToId"]);
        var actions = notice["suggestedActions"]!["actions"]!.AsArray();
        Assert.Contains(actions, a => a!["value"]!.GetValue<string>() == "还有谁没评");
        Assert.Contains(actions, a => a!["type"]!.GetValue<string>() == "openUrl" && a["value"]!.GetValue<string>() == $"/#/review/{Month}");

        // The operations manager had no chat open: the notice waits and is there when they open one.
        var offline = await DirectLineChat.StartAsync(_silo.App, o001, "zh-CN");
        Assert.Contains("评分", (await NoticeAsync(offline, Month))["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Who still needs rating: the API's list for the manager's scope. Without a month, the month before, still being rated, comes first.
        var lastMonth = await ReplyToAsync(manager, await manager.PostAsync("还有谁没评", "who-to-rate-default"));
        Assert.StartsWith("2031-04 考核", lastMonth["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var asked = await manager.PostAsync($"{Month} 还有谁没评", "who-to-rate");
        var reply = await ReplyToAsync(manager, asked);
        var missing = cycle["missingRatings"]!.AsArray();
        Assert.Contains($"还有 {missing.Count} 人等待评分", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var person in missing) Assert.Contains($"({person!["employeeId"]!.GetValue<string>()})", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Two days before the freeze, the manager still missing ratings is reminded in the chat they open.
        await MoveAsync(CycleSchedule.RemindsAt(Month, Shanghai, 3).AddMinutes(1));
        var later = await DirectLineChat.StartAsync(_silo.App, await TenantClient.SignInAsync(_silo.App, tenant.TenantId, "b001", TenantClient.Password), "zh-CN");
        await _silo.Opener.PassAsync(Cancel);
        var reminder = await NoticeAsync(later, Month);
        Assert.Contains($"⏰ 提醒:{Month} 考核还有 {toRate} 人等你评分", reminder["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await CycleClock.AuditAsync(await TenantClient.SignInAsync(_silo.App, tenant.TenantId, "hr", TenantClient.Password), "cycle.remind"),
            e => e!["entry"]!["target"]!.GetValue<string>() == Month);

        var employee = await DirectLineChat.StartAsync(_silo.App, await TenantClient.SignInAsync(_silo.App, tenant.TenantId, "b002", TenantClient.Password), "en-US");
        var refused = await ReplyToAsync(employee, await employee.PostAsync("who still needs rating?", "employee-who"));
        Assert.Contains("for managers and HR", refused["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("(B003)", refused["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approval_brings_each_employee_their_result_card_and_acknowledging_or_objecting_in_chat_works_once_and_reaches_hr()
    {
        var tenant = await TenantClient.CreateAsync(_silo.App, DemoCompany.Document(10));
        await MoveAsync(Period.Start(Month, Shanghai).AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);
        var inMonth = Period.Start(Month, Shanghai).AddDays(10);
        await MoveAsync(inMonth);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 500_000m, at: inMonth), TestEvents.Loan("B003", 200_000m, at: inMonth)]), 200);
        foreach (var id in new[] { "B001", "B002", "B003", "B004", "B005", "O001", "O002", "O003", "T001", "T002" })
        {
            var indicator = id.StartsWith('T') ? "teamwork" : "attitude";
            var rated = await _silo.Grains.GetGrain<IEmployeeReviewGrain>(GrainKeys.For(tenant.TenantId, $"{Month}/{id}"))
                .RateAsync("hr", [new RatingInput(indicator, id == "B002" ? 5m : 3m, $"{id} 按月评价")]);
            Assert.Equal(Pulse.Services.AnswerStatus.Ok, rated.Status);
        }
        var freeze = CycleSchedule.FreezesAt(Month, Shanghai, 3);
        await MoveAsync(freeze.AddMinutes(1));
        await _silo.Opener.PassAsync(Cancel);

        var b002 = await _silo.UserAsync(tenant, "b002", [Role.Employee], "B002");
        var b003 = await _silo.UserAsync(tenant, "b003", [Role.Employee], "B003");
        var hr = await TenantClient.SignInAsync(_silo.App, tenant.TenantId, "hr", TenantClient.Password);
        var chat2 = await DirectLineChat.StartAsync(_silo.App, b002, "zh-CN");
        var chat3 = await DirectLineChat.StartAsync(_silo.App, b003, "zh-CN");
        var hrChat = await DirectLineChat.StartAsync(_silo.App, hr, "zh-CN");
        await FeedReadyAsync();

        await Expect.StatusAsync(await hr.PostAsync($"/api/v1/cycles/{Month}/approve", null, Cancel), 200);

        // Each employee's open conversation receives their own result, with the API's numbers.
        var api2 = await Expect.StatusAsync(await b002.GetAsync($"/api/v1/cycles/{Month}/employees/B002", Cancel), 200);
        var api3 = await Expect.StatusAsync(await b003.GetAsync($"/api/v1/cycles/{Month}/employees/B003", Cancel), 200);
        var card2 = await NoticeAsync(chat2, Month);
        var card3 = await NoticeAsync(chat3, Month);
        AssertResult(card2, api2);
        AssertResult(card3, api3);
        Assert.NotEqual(api2["composite"]!.GetValue<decimal>(), api3["composite"]!.GetValue<decimal>());
        Assert.Contains("B002 按月评价", card2["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("B002", card3["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(card2["suggestedActions"]!["actions"]!.AsArray(), a => a!["value"]!.GetValue<string>() == "确认结果");
        Assert.Contains(card2["suggestedActions"]!["actions"]!.AsArray(), a => a!["value"]!.GetValue<string>() == "申诉");
        Assert.Single(await NoticesAsync(chat3));

        // Acknowledge once; the second try is refused and changes nothing.
        var acknowledged = await ReplyToAsync(chat2, await chat2.PostAsync("确认结果", "ack-1"));
        Assert.Contains($"已确认你 {Month} 的考核结果", acknowledged["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var again = await ReplyToAsync(chat2, await chat2.PostAsync("acknowledge", "ack-2"));
        Assert.Contains("already answered (acknowledged)", again["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var review2 = await Expect.StatusAsync(await b002.GetAsync($"/api/v1/cycles/{Month}/employees/B002", Cancel), 200);
        Assert.Equal("acknowledge", review2["response"]!["kind"]!.GetValue<string>());
        Assert.Single(await CycleClock.AuditAsync(hr, "review.acknowledgement"));

        // An objection needs a reason; with one it goes to HR, once, audited, and HR's chat is told.
        var asks = await ReplyToAsync(chat3, await chat3.PostAsync("申诉", "object-0"));
        Assert.Contains("写明理由", asks["text"]!.GetValue<string>(), StringComparison.Ordinal);
        const string reason = "团队协作评分没有考虑我带教新人的工作";
        var objected = await ReplyToAsync(chat3, await chat3.PostAsync($"申诉: {reason}", "object-1"));
        Assert.Contains("已提交", objected["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var twice = await ReplyToAsync(chat3, await chat3.PostAsync("object: once more", "object-2"));
        Assert.Contains("already answered (objected)", twice["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var objections = (await Expect.StatusAsync(await hr.GetAsync($"/api/v1/cycles/{Month}/objections", Cancel), 200)).AsArray();
        var objection = Assert.Single(objections);
        Assert.Equal("B003", objection!["employeeId"]!.GetValue<string>());
        Assert.Equal(reason, objection["response"]!["text"]!.GetValue<string>());
        Assert.Single(await CycleClock.AuditAsync(hr, "review.objection"));
        // HR's chat also holds the month's opening notice for the three heads HR rates (nobody is above them).
        var heads = await NoticeAsync(hrChat, Month, "月度考核已开始");
        Assert.Contains("你需要为 3 人评分", heads["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var toHr = await NoticeAsync(hrChat, Month, "(B003)");
        Assert.Contains(reason, toHr["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // The chat shows each employee only their own result, whoever they name.
        var mine = await ReplyToAsync(chat3, await chat3.PostAsync("B002的考核结果", "other-result"));
        Assert.Contains("综合得分:" + Numbers.Number(api3["composite"]!.GetValue<decimal>()), mine["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("综合得分:" + Numbers.Number(api2["composite"]!.GetValue<decimal>()), mine["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("B002 按月评价", mine["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var english = await ReplyToAsync(chat2, await chat2.PostAsync("my review result", "mine-en"));
        Assert.Contains("Composite: " + Numbers.Number(api2["composite"]!.GetValue<decimal>()), english["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Your answer: acknowledged", english["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static void AssertResult(JsonNode card, JsonNode api)
    {
        var text = card["text"]!.GetValue<string>();
        Assert.Contains("综合得分:" + Numbers.Number(api["composite"]!.GetValue<decimal>()), text, StringComparison.Ordinal);
        Assert.Contains("等级:" + api["grade"]!.GetValue<string>(), text, StringComparison.Ordinal);
        var content = card["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains(Numbers.Number(api["composite"]!.GetValue<decimal>()), content, StringComparison.Ordinal);
        foreach (var rating in api["ratings"]!.AsArray())
        {
            Assert.Contains($"经理评分 {Numbers.Number(rating!["rating"]!.GetValue<decimal>())} / 5", text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Moves the clock, then waits until the live feed knows both of this process's subscribers (the dashboard's and the
    /// chat relay's) again: a jump of days outlives the registry's subscriptions until they renew, which the jump sets off.
    /// </summary>
    private async Task MoveAsync(DateTimeOffset to)
    {
        _silo.MoveTo(to);
        await FeedReadyAsync();
    }

    private async Task FeedReadyAsync()
    {
        var feed = _silo.App.Services.GetRequiredService<LiveFeed>();
        var registry = _silo.Grains.GetGrain<ILiveFeedRegistryGrain>(0);
        await Expect.EventuallyAsync(async () =>
        {
            var subscribers = await registry.GetSubscribersAsync();
            await feed.RefreshSubscribersAsync();
            return subscribers.Length;
        }, n => n >= 2);
    }

    private static async Task<JsonNode[]> NoticesAsync(DirectLineChat chat) =>
        [.. (await chat.PollAsync())["activities"]!.AsArray().Where(a => a!["name"]?.GetValue<string>() == ReviewNotice).Select(a => a!)];

    /// <summary>The review notice of <paramref name="month"/> (saying <paramref name="saying"/>, when given) in the conversation, once it has come.</summary>
    private static async Task<JsonNode> NoticeAsync(DirectLineChat chat, string month, string? saying = null)
    {
        bool Matches(JsonNode x) => IsNoticeOf(x, month) && (saying is null || x["text"]!.GetValue<string>().Contains(saying, StringComparison.Ordinal));
        var transcript = await chat.TranscriptAsync(a => a.Any(x => Matches(x!)));
        return transcript.First(x => Matches(x!))!;
    }

    // The month as a month, not as the start of a date: the previous month's notice names this month's days (its freeze).
    private static bool IsNoticeOf(JsonNode activity, string month) =>
        activity["name"]?.GetValue<string>() == ReviewNotice
        && Regex.IsMatch(activity["text"]!.GetValue<string>(), Regex.Escape(month) + "(?![-0-9])", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static async Task<JsonNode> ReplyToAsync(DirectLineChat chat, string id)
    {
        var transcript = await chat.TranscriptAsync(a => a.Any(x => x!["replyToId"]?.GetValue<string>() == id));
        return transcript.First(x => x!["replyToId"]?.GetValue<string>() == id)!;
    }

}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Bot.Conversation.Replies;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.Conversation;

/// <summary>The real bot over the real silo and the demo company: what it answers, in both languages, equals what the API says.</summary>
public sealed class ConversationTests(AppFixture fixture)
{
    private static readonly Role[] Employee = [Role.Employee];
    private static readonly Role[] Manager = [Role.Manager, Role.Employee];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>B002 with a loan, a default at exactly the bad-debt target, and a complaint: one indicator on target, two below.</summary>
    private async Task<(TenantClient Tenant, BotChat B002)> BusinessWithDataAsync()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([
            TestEvents.Loan("B002", 300_000), TestEvents.Default("B002", 9_000), TestEvents.Complaint("B002"),
            TestEvents.Loan("B003", 800_000)]), 200);
        return (tenant, await BotChat.NewUserAsync(fixture.App, tenant, "b002", Employee, "B002"));
    }

    private static string Expected(JsonNode? node, string unit = "") => node is null ? Numbers.None : Numbers.Number(node.GetValue<decimal>()) + unit;

    [Theory]
    [InlineData("我的进度")]
    [InlineData("我这个月怎么样")]
    [InlineData("how am I doing")]
    [InlineData("my progres")]
    public async Task My_progress_shows_every_indicator_and_the_composite_as_the_API_has_them(string message)
    {
        var (tenant, b002) = await BusinessWithDataAsync();
        var before = await tenant.GetJsonAsync("/api/v1/employees/B002/performance");

        var reply = await b002.SayAsync(message);

        var after = await tenant.GetJsonAsync("/api/v1/employees/B002/performance");
        var zh = reply.Locale == "zh-CN";
        var card = reply.Attachments![0].Content!;
        var composite = Facts(card, null);
        Assert.Equal(Expected(before["composite"]), composite[zh ? "综合得分(目前)" : "Composite so far"]);
        AssertBetween(composite[zh ? "综合得分(月末预计)" : "Composite projected"], before["projectedComposite"], after["projectedComposite"]);
        foreach (var id in new[] { "loan-volume", "bad-debt-rate", "complaint-rate" })
        {
            var indicator = BotChat.Indicator(before, id);
            var facts = Facts(card, indicator["name"]![zh ? "zh" : "en"]!.GetValue<string>());
            Assert.StartsWith(Expected(indicator["value"]), facts[zh ? "当前" : "Value"], StringComparison.Ordinal);
            Assert.Contains(Expected(indicator["target"]), facts[zh ? "目标" : "Target"], StringComparison.Ordinal);
            Assert.Equal(Expected(indicator["attainment"], "%"), facts[zh ? "完成" : "Attainment"]);
            // The month-end projection moves with the clock (pace so far), so it lies between two reads around the reply.
            AssertBetween(facts[zh ? "月末预计" : "Month-end projection"], indicator["projected"], BotChat.Indicator(after, id)["projected"]);
            foreach (var fact in facts.Values) Assert.Contains(fact, reply.Text, StringComparison.Ordinal);
        }
        var loan = Facts(card, zh ? "月度贷款额度" : "Monthly loan volume");
        Assert.StartsWith(Expected(BotChat.Indicator(before, "loan-volume")["remaining"]), loan[zh ? "还差" : "Remaining"], StringComparison.Ordinal);
        foreach (var fact in composite.Values) Assert.Contains(fact, reply.Text, StringComparison.Ordinal);
        Assert.Contains(zh ? "还差多少达标" : "How much is left?", BotChat.Buttons(reply));
    }

    /// <summary>The facts of the card's indicator block with that name (null: the composite's, the first fact set).</summary>
    private static Dictionary<string, string> Facts(JsonNode card, string? indicator)
    {
        var body = card["body"]!.AsArray();
        var set = indicator is null
            ? body.First(b => b!["type"]!.GetValue<string>() == "FactSet")!
            : body.Single(b => b!["type"]!.GetValue<string>() == "Container" && b["items"]![0]!["text"]!.GetValue<string>() == indicator)!["items"]![1]!;
        return set["facts"]!.AsArray().ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
    }

    private static void AssertBetween(string shown, JsonNode? first, JsonNode? second)
    {
        var number = decimal.Parse(new string([.. shown.TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-')]).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var a = Math.Round(first!.GetValue<decimal>(), 2, MidpointRounding.AwayFromZero);
        var b = Math.Round(second!.GetValue<decimal>(), 2, MidpointRounding.AwayFromZero);
        Assert.InRange(number, Math.Min(a, b), Math.Max(a, b));
    }

    [Theory]
    [InlineData("坏账率多少?", "bad-debt-rate", "坏账率")]
    [InlineData("my 坏账率", "bad-debt-rate", "坏账率")]
    [InlineData("what is my default rate", "bad-debt-rate", "Bad-debt rate")]
    [InlineData("my complaint rate", "complaint-rate", "Complaint rate")]
    [InlineData("my complant rate", "complaint-rate", "Complaint rate")]
    [InlineData("投诉率呢", "complaint-rate", "客户投诉率")]
    public async Task One_indicator_by_name_synonym_or_typo_shows_that_indicator_only(string message, string id, string name)
    {
        var (tenant, b002) = await BusinessWithDataAsync();
        var indicator = BotChat.Indicator(await tenant.GetJsonAsync("/api/v1/employees/B002/performance"), id);

        var reply = await b002.SayAsync(message);

        Assert.Contains(name, reply.Text, StringComparison.Ordinal);
        Assert.Contains(Expected(indicator["value"]), reply.Text, StringComparison.Ordinal);
        Assert.Contains(Expected(indicator["attainment"], "%"), reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Locale == "zh-CN" ? "月度贷款额度" : "Monthly loan volume", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("还差多少达标", "月度贷款额度", "客户投诉率", "坏账率")]
    [InlineData("How much is left?", "Monthly loan volume", "Complaint rate", "Bad-debt rate")]
    public async Task What_remains_lists_the_indicators_below_target(string message, string loan, string complaint, string onTarget)
    {
        var (tenant, b002) = await BusinessWithDataAsync();
        var api = await tenant.GetJsonAsync("/api/v1/employees/B002/performance");
        Assert.Equal(100m, BotChat.Indicator(api, "bad-debt-rate")["attainment"]!.GetValue<decimal>());

        var reply = await b002.SayAsync(message);

        Assert.Contains(loan, reply.Text, StringComparison.Ordinal);
        Assert.Contains(Expected(BotChat.Indicator(api, "loan-volume")["remaining"]), reply.Text, StringComparison.Ordinal);
        Assert.Contains(complaint, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(onTarget, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_month_shows_that_months_scores_as_the_API_has_them()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var (lastMonth, lastPeriod) = PerformanceApiTests.LastMonth();
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 400_000, at: lastMonth), TestEvents.Loan("B002", 50_000)]), 200);
        var b002 = await BotChat.NewUserAsync(fixture.App, tenant, "b002", Employee, "B002");
        var past = await tenant.GetJsonAsync($"/api/v1/employees/B002/performance?period={lastPeriod}");
        var monthName = lastMonth.ToString("MMMM", CultureInfo.InvariantCulture);

        foreach (var message in new[] { "上个月的绩效", $"my score in {monthName}", lastPeriod, $"how did I do {monthName.ToLowerInvariant()[..3]}" })
        {
            var reply = await b002.SayAsync(message);
            Assert.Contains(lastPeriod, reply.Text, StringComparison.Ordinal);
            Assert.Contains("400,000", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("50,000", reply.Text, StringComparison.Ordinal);
            Assert.Contains(Expected(past["composite"]), reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_manager_sees_the_team_and_an_employee_gets_a_polite_refusal()
    {
        var (tenant, b002) = await BusinessWithDataAsync();
        var b001 = await BotChat.NewUserAsync(fixture.App, tenant, "b001", Manager, "B001");
        var hr = BotChat.For(fixture.App, tenant, "hr", [Role.Hr], null);
        var business = await tenant.GetJsonAsync($"/api/v1/departments/{DemoCompany.Business}/performance");
        var top = business["top"]!.AsArray()[0]!;

        foreach (var message in new[] { "我的团队", "谁有风险?", "my team", "who is at risk" })
        {
            var reply = await b001.SayAsync(message);
            Assert.Contains("业务部", reply.Text, StringComparison.Ordinal);
            Assert.Contains(Expected(business["averageComposite"]), reply.Text, StringComparison.Ordinal);
            Assert.Contains(top["name"]!.GetValue<string>(), reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("运营部", reply.Text, StringComparison.Ordinal);
        }

        var all = await hr.SayAsync("team performers");
        Assert.Contains("运营部", all.Text, StringComparison.Ordinal);
        Assert.Contains("业务部", all.Text, StringComparison.Ordinal);

        var refused = await b002.SayAsync("我的团队");
        Assert.Contains("经理和 HR", refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(top["name"]!.GetValue<string>(), refused.Text, StringComparison.Ordinal);
        Assert.Contains("manager", (await b002.SayAsync("who is at risk")).Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Confirmed_feedback_is_stored_and_cancelled_feedback_is_not()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var b001 = await BotChat.NewUserAsync(fixture.App, tenant, "b001", Manager, "B001");

        var asked = await b001.SayAsync("给周敏反馈:最近客户投诉率上升,需改进服务话术");
        Assert.Contains("周敏(B003)", asked.Text, StringComparison.Ordinal);
        Assert.Contains("最近客户投诉率上升,需改进服务话术", asked.Text, StringComparison.Ordinal);
        Assert.Equal(["确认", "取消"], BotChat.Buttons(asked));
        Assert.Contains("\"pending\"", b001.State, StringComparison.Ordinal);
        Assert.Empty((await tenant.GetJsonAsync("/api/v1/employees/B003/feedback"))["items"]!.AsArray());

        var sent = await b001.SayAsync("确认");
        Assert.Contains("已发送", sent.Text, StringComparison.Ordinal);
        var stored = Assert.Single((await tenant.GetJsonAsync("/api/v1/employees/B003/feedback"))["items"]!.AsArray())!;
        Assert.Equal("最近客户投诉率上升,需改进服务话术", stored["text"]!.GetValue<string>());
        Assert.Equal("improve", stored["kind"]!.GetValue<string>());
        Assert.Equal("b001", stored["author"]!.GetValue<string>());
        Assert.DoesNotContain("\"pending\"", b001.State, StringComparison.Ordinal);

        var praise = await b001.SayAsync("praise B002 for closing the big loan");
        Assert.Contains("B002", praise.Text, StringComparison.Ordinal);
        Assert.Equal(["Confirm", "Cancel"], BotChat.Buttons(praise));
        Assert.Contains("Cancelled", (await b001.SayAsync("Cancel")).Text, StringComparison.Ordinal);
        Assert.Empty((await tenant.GetJsonAsync("/api/v1/employees/B002/feedback"))["items"]!.AsArray());

        await b001.SayAsync("praise B002 for closing the big loan");
        Assert.Contains("Sent", (await b001.SayAsync("confirm")).Text, StringComparison.Ordinal);
        var praised = Assert.Single((await tenant.GetJsonAsync("/api/v1/employees/B002/feedback"))["items"]!.AsArray())!;
        Assert.Equal("closing the big loan", praised["text"]!.GetValue<string>());
        Assert.Equal("praise", praised["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_name_that_matches_several_people_gets_a_choice_among_them()
    {
        var document = DemoCompany.Document(10);
        document = document with { Employees = [.. document.Employees!, new Pulse.Organisation.Employee("B099", "周敏", DemoCompany.Business)] };
        var tenant = await TenantClient.CreateAsync(fixture.App, document);
        var b001 = await BotChat.NewUserAsync(fixture.App, tenant, "b001", Manager, "B001");

        var choice = await b001.SayAsync("给周敏一个表扬:季度冲刺很给力");
        Assert.Contains("周敏(B003)", BotChat.Buttons(choice));
        Assert.Contains("周敏(B099)", BotChat.Buttons(choice));
        Assert.Contains("取消", BotChat.Buttons(choice));

        var confirm = await b001.SayAsync("周敏(B099)");
        Assert.Contains("周敏(B099)", confirm.Text, StringComparison.Ordinal);
        await b001.SayAsync("确认");

        Assert.Single((await tenant.GetJsonAsync("/api/v1/employees/B099/feedback"))["items"]!.AsArray());
        Assert.Empty((await tenant.GetJsonAsync("/api/v1/employees/B003/feedback"))["items"]!.AsArray());
    }

    [Fact]
    public async Task People_out_of_scope_and_unknown_people_get_the_same_refusal_and_nothing_is_stored()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var b001 = await BotChat.NewUserAsync(fixture.App, tenant, "b001", Manager, "B001");
        var b002 = await BotChat.NewUserAsync(fixture.App, tenant, "b002", Employee, "B002");

        var outOfScope = await b001.SayAsync("给孙思远反馈:流程要加快");
        var unknown = await b001.SayAsync("给不存在的人反馈:流程要加快");
        var byEmployee = await b002.SayAsync("给周敏反馈:流程要加快");
        var self = await b001.SayAsync("给赵平反馈:流程要加快");

        Assert.Equal(outOfScope.Text, unknown.Text);
        Assert.Equal(outOfScope.Text, byEmployee.Text);
        Assert.Equal(outOfScope.Text, self.Text);
        Assert.DoesNotContain("孙思远", outOfScope.Text, StringComparison.Ordinal);
        Assert.Equal((await b001.SayAsync("praise O002 for the quick fix")).Text, (await b001.SayAsync("praise Z999 for the quick fix")).Text);
        Assert.Null(b001.State is null ? null : System.Text.Json.Nodes.JsonNode.Parse(b001.State)!["pending"]);
        Assert.Empty((await tenant.GetJsonAsync("/api/v1/employees/O002/feedback"))["items"]!.AsArray());
        Assert.Empty((await tenant.GetJsonAsync("/api/v1/employees/B003/feedback"))["items"]!.AsArray());
    }

    [Fact]
    public async Task My_alerts_list_the_crossings_the_API_has()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 100_000), TestEvents.Loan("B002", 100_000), TestEvents.Loan("B002", 100_000)]), 200);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Default("B002", 20_000)]), 200); // 6.67% > 5%
        var alerts = (await Expect.EventuallyAsync(() => tenant.GetJsonAsync("/api/v1/employees/B002/alerts"), a => a.AsArray().Count > 0)).AsArray();
        var breached = Assert.Single(alerts)!;
        var b002 = await BotChat.NewUserAsync(fixture.App, tenant, "b002", Employee, "B002");

        var zh = await b002.SayAsync("我的预警");
        Assert.Contains("坏账率 " + Expected(breached["value"], "%"), zh.Text, StringComparison.Ordinal);
        Assert.Contains("越过阈值 " + Expected(breached["threshold"], "%"), zh.Text, StringComparison.Ordinal);
        Assert.Contains("静音坏账率预警", BotChat.Buttons(zh));

        var en = await b002.SayAsync("my alrets");
        Assert.Contains("Bad-debt rate " + Expected(breached["value"], "%"), en.Text, StringComparison.Ordinal);
        Assert.Contains("Mute Bad-debt rate alerts", BotChat.Buttons(en));
    }

    [Fact]
    public async Task Muting_and_unmuting_an_alert_type_by_name_changes_what_the_user_is_sent()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var b002 = await BotChat.NewUserAsync(fixture.App, tenant, "b002", Employee, "B002");
        var chatUser = fixture.App.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<Pulse.Grains.IChatUserGrain>(Pulse.Grains.GrainKeys.For(tenant.TenantId, "b002"));

        var muted = await b002.SayAsync("静音坏帐率预警");
        Assert.Equal("zh-CN", muted.Locale);
        Assert.Contains("坏账率", muted.Text, StringComparison.Ordinal);
        Assert.Equal(["bad-debt-rate"], (await chatUser.GetProfileAsync()).MutedAlertTypes);

        var unmuted = await b002.SayAsync("unmute bad debt alerts");
        Assert.Equal("en-US", unmuted.Locale);
        Assert.Contains("Bad-debt rate", unmuted.Text, StringComparison.Ordinal);
        Assert.Empty((await chatUser.GetProfileAsync()).MutedAlertTypes);

        await b002.SayAsync("mute complaint rate alerts");
        Assert.Equal(["complaint-rate"], (await chatUser.GetProfileAsync()).MutedAlertTypes);
    }

    [Fact]
    public async Task My_feedback_received_shows_what_was_given()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await Expect.StatusAsync(await tenant.Http.PostAsJsonAsync("/api/v1/employees/B002/feedback", new { text = "本月放款做得很好", kind = "praise" }, TenantClient.Json, Cancel), 201);
        var b002 = await BotChat.NewUserAsync(fixture.App, tenant, "b002", Employee, "B002");

        var zh = await b002.SayAsync("我收到的反馈");
        Assert.Contains("表扬", zh.Text, StringComparison.Ordinal);
        Assert.Contains("本月放款做得很好", zh.Text, StringComparison.Ordinal);
        Assert.Contains("hr", zh.Text, StringComparison.Ordinal);
        Assert.Contains("本月放款做得很好", (await b002.SayAsync("my feedback")).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("今天天气不错", "我的进度")]
    [InlineData("asdfghjkl", "How am I doing?")]
    [InlineData("帮助", "我的进度")]
    [InlineData("help", "How am I doing?")]
    public async Task Help_and_input_it_does_not_understand_get_examples(string message, string example)
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var b002 = await BotChat.NewUserAsync(fixture.App, tenant, "b002", Employee, "B002");

        var reply = await b002.SayAsync(message);

        Assert.Contains(example, reply.Text, StringComparison.Ordinal);
        Assert.Contains(example, BotChat.Buttons(reply));
    }

    [Fact]
    public async Task A_conversation_starts_with_a_welcome_in_its_language_and_a_huge_message_still_gets_an_answer()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var b001 = await BotChat.NewUserAsync(fixture.App, tenant, "b001", Manager, "B001");
        var bot = fixture.App.Services.GetRequiredService<Pulse.Bot.Turns.IBotTurnHandler>();
        var caller = new Caller(tenant.TenantId, "b001", CallerKind.User, Manager, "B001", []);
        Pulse.Bot.Turns.BotTurn Start(string? locale) => new(new Pulse.Chat.ChatUser(tenant.TenantId, "b001", "B001"), caller, "c1",
            new Pulse.Bot.Activities.Activity { Type = Pulse.Bot.Activities.ActivityTypes.ConversationUpdate, Locale = locale }, null);

        var zh = Assert.Single((await bot.OnConversationStartedAsync(Start("zh-CN"), Cancel)).Replies);
        var en = Assert.Single((await bot.OnConversationStartedAsync(Start("en-US"), Cancel)).Replies);
        var tenantDefault = Assert.Single((await bot.OnConversationStartedAsync(Start(null), Cancel)).Replies);

        BotChat.AssertWellFormed(zh, "zh-CN");
        BotChat.AssertWellFormed(en, "en-US");
        BotChat.AssertWellFormed(tenantDefault, "zh-CN");
        Assert.Contains("我的团队", zh.Text, StringComparison.Ordinal);
        Assert.Contains("How am I doing?", BotChat.Buttons(en));
        Assert.Contains("Sorry", (await b001.SayAsync(new string('x', 100_000))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_is_in_the_language_of_each_message()
    {
        var (_, b002) = await BusinessWithDataAsync();

        Assert.Equal("zh-CN", (await b002.SayAsync("我的KPI")).Locale);
        Assert.Equal("en-US", (await b002.SayAsync("my KPI")).Locale);
        Assert.Equal("zh-CN", (await b002.SayAsync("my 坏账率")).Locale);
        Assert.Contains("\"locale\":\"zh-CN\"", b002.State, StringComparison.Ordinal);
    }
}

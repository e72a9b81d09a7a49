using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Bot.Proactive;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Performance;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;
using Pulse.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.Proactive;

/// <summary>
/// Alerts reach chat: the engine's crossing, the feed, the relay, the chat users' grains and their conversations, in the
/// real silo with the demo company. Conversations are opened through the grains, as a channel opens them.
/// </summary>
public sealed class ChatAlertsTests(AppFixture fixture)
{
    private const string BadDebt = "bad-debt-rate";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IGrainFactory Grains => fixture.App.Services.GetRequiredService<IGrainFactory>();

    private NoticeRelay Relay => fixture.App.Services.GetRequiredService<NoticeRelay>();

    [Fact]
    public async Task A_breach_reaches_the_open_conversations_of_the_employee_and_the_manager_once_each_however_often_it_is_offered()
    {
        var tenant = await DemoTenantAsync();
        var employee = await OpenAsync(tenant, "b002", "B002");
        var employeeOnPhone = await OpenAsync(tenant, "b002", "B002");
        var manager = await OpenAsync(tenant, "b001", "B001");

        var posted = Stopwatch.GetTimestamp();
        await BreachAsync(tenant);
        var seen = await AlertsInAsync(tenant, manager, 1);
        TestContext.Current.TestOutputHelper?.WriteLine($"alert in the manager's conversation {Stopwatch.GetElapsedTime(posted).TotalMilliseconds:0} ms after ingestion");
        await AlertsInAsync(tenant, employee, 1);
        await AlertsInAsync(tenant, employeeOnPhone, 1);

        // Every silo's relay offers each crossing; the second offer posts nothing anywhere.
        var alert = await LastAlertAsync(tenant);
        Assert.Equal(0, await Relay.RelayAsync(alert, Cancel));
        Assert.Equal(0, await Relay.RelayAsync(alert, Cancel));

        var toManager = Assert.Single(await AlertsAsync(tenant, manager));
        var toEmployee = Assert.Single(await AlertsAsync(tenant, employee));
        Assert.Single(await AlertsAsync(tenant, employeeOnPhone));
        Assert.Contains("坏账率", toManager["text"]!.GetValue<string>());
        Assert.Contains("(B002)", toManager["text"]!.GetValue<string>());
        Assert.StartsWith("⚠️ 预警:你的坏账率为 7.5%", toEmployee["text"]!.GetValue<string>());
        Assert.Equal("zh-CN", toEmployee["locale"]!.GetValue<string>());
        Assert.Equal("bot", toEmployee["from"]!["id"]!.GetValue<string>());
        Assert.Equal("bot", toEmployee["from"]!["role"]!.GetValue<string>());
        Assert.Equal("b002", toEmployee["recipient"]!["id"]!.GetValue<string>());
        Assert.Null(toEmployee["replyToId"]);
        Assert.NotEmpty(toEmployee["suggestedActions"]!["actions"]!.AsArray());
        Assert.Equal(seen[0]["id"]!.GetValue<string>(), toManager["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_recovery_is_sent_once_in_the_language_the_user_last_wrote_in()
    {
        var tenant = await DemoTenantAsync();
        var employee = await OpenAsync(tenant, "b002", "B002");
        await UserGrain(tenant, "b002").SetLocaleAsync("en-US");

        await BreachAsync(tenant);
        await AlertsInAsync(tenant, employee, 1);
        await Expect.StatusAsync(await tenant.PostEventsAsync([TestEvents.Loan("B002", 100_000)]), 200);
        var alerts = await AlertsInAsync(tenant, employee, 2);
        Assert.Equal(0, await Relay.RelayAsync(await LastAlertAsync(tenant), Cancel));

        Assert.Equal(2, (await AlertsAsync(tenant, employee)).Length);
        Assert.StartsWith("⚠️ Alert: Your Bad-debt rate is 7.5%", alerts[0]["text"]!.GetValue<string>());
        Assert.StartsWith("✅ Recovered: Your Bad-debt rate is back to 0.22%", alerts[1]["text"]!.GetValue<string>());
        Assert.Equal("en-US", alerts[1]["locale"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_muted_alert_type_is_neither_sent_nor_held()
    {
        var tenant = await DemoTenantAsync();
        var employee = await OpenAsync(tenant, "b002", "B002");
        var manager = await OpenAsync(tenant, "b001", "B001");
        await UserGrain(tenant, "b002").MuteAsync(BadDebt);

        await BreachAsync(tenant);
        await AlertsInAsync(tenant, manager, 1);
        Assert.Equal(0, await Relay.RelayAsync(await LastAlertAsync(tenant), Cancel)); // every recipient has had it offered

        Assert.Empty(await AlertsAsync(tenant, employee));
        Assert.Empty(await UserGrain(tenant, "b002").ConversationOpenedAsync(Guid.NewGuid().ToString("N")));
    }

    [Fact]
    public async Task A_user_with_no_open_conversation_finds_the_alert_when_they_next_open_one()
    {
        var tenant = await DemoTenantAsync();
        await tenant.UserAsync("b002", [Role.Employee], "B002");
        var manager = await OpenAsync(tenant, "b001", "B001");

        await BreachAsync(tenant);
        await AlertsInAsync(tenant, manager, 1);
        var alert = await LastAlertAsync(tenant);
        Assert.Equal(0, await Relay.RelayAsync(alert, Cancel));

        var held = await UserGrain(tenant, "b002").ConversationOpenedAsync("dl-" + Guid.NewGuid().ToString("N"));
        var again = await UserGrain(tenant, "b002").ConversationOpenedAsync("dl-" + Guid.NewGuid().ToString("N"));
        var only = Assert.IsType<LiveAlert>(Assert.Single(held));
        Assert.Equal((BadDebt, AlertKind.Breached, alert.Alert.AtSeq), (only.Alert.IndicatorId, only.Alert.Kind, only.Alert.AtSeq));
        Assert.Empty(again);
    }

    [Fact]
    public async Task Someone_not_allowed_to_read_the_employee_gets_nothing()
    {
        var tenant = await DemoTenantAsync();
        var manager = await OpenAsync(tenant, "b001", "B001");
        // Linked to the department's manager but without the manager role: a candidate the access policy refuses.
        var notManager = await OpenAsync(tenant, "b001-staff", "B001", [Role.Employee]);
        var otherManager = await OpenAsync(tenant, "o001", "O001", [Role.Manager, Role.Employee]);
        var colleague = await OpenAsync(tenant, "b003", "B003");

        await BreachAsync(tenant);
        await AlertsInAsync(tenant, manager, 1);
        Assert.Equal(0, await Relay.RelayAsync(await LastAlertAsync(tenant), Cancel));

        foreach (var (user, conversation) in new[] { ("b001-staff", notManager), ("o001", otherManager), ("b003", colleague) })
        {
            Assert.Empty(await AlertsAsync(tenant, conversation));
            Assert.Empty(await UserGrain(tenant, user).ConversationOpenedAsync(Guid.NewGuid().ToString("N")));
        }
    }

    private Task<TenantClient> DemoTenantAsync() => TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));

    /// <summary>Adds the user (first time only) and opens a new conversation of theirs, as a channel does.</summary>
    private async Task<string> OpenAsync(TenantClient tenant, string userName, string employeeId, Role[]? roles = null)
    {
        var access = Grains.GetGrain<IAccessGrain>(tenant.TenantId);
        if (await access.GetUserAsync(userName) is null)
        {
            roles ??= employeeId == "B001" ? [Role.Manager, Role.Employee] : [Role.Employee];
            await tenant.UserAsync(userName, roles, employeeId);
        }
        var conversationId = "dl-" + Guid.NewGuid().ToString("N");
        Assert.True(await Grains.GetGrain<IConversationGrain>(GrainKeys.For(tenant.TenantId, conversationId)).OpenAsync(new ChatUser(tenant.TenantId, userName, employeeId)));
        Assert.Empty(await UserGrain(tenant, userName).ConversationOpenedAsync(conversationId));
        return conversationId;
    }

    private IChatUserGrain UserGrain(TenantClient tenant, string userName) => Grains.GetGrain<IChatUserGrain>(GrainKeys.For(tenant.TenantId, userName));

    /// <summary>Three loans (the rule needs three samples of the ratio's denominator): 225 defaulted of 3,000 lent is 7.5 %, past the 5 % line.</summary>
    private static async Task BreachAsync(TenantClient tenant) => await Expect.StatusAsync(await tenant.PostEventsAsync(
        [TestEvents.Loan("B002", 1_000), TestEvents.Loan("B002", 1_000), TestEvents.Loan("B002", 1_000), TestEvents.Default("B002", 225)]), 200);

    private async Task<JsonNode[]> AlertsAsync(TenantClient tenant, string conversationId)
    {
        var page = await Grains.GetGrain<IConversationGrain>(GrainKeys.For(tenant.TenantId, conversationId)).ReadAsync(0);
        return [.. page.Activities.Select(a => JsonNode.Parse(a)!).Where(a => a["name"]?.GetValue<string>() == "pulse/alert")];
    }

    private Task<JsonNode[]> AlertsInAsync(TenantClient tenant, string conversationId, int count) =>
        Eventually.ReadAsync(() => AlertsAsync(tenant, conversationId), a => a.Length >= count, cancellationToken: Cancel);

    /// <summary>The employee's newest crossing as the feed carries it, to offer it again as another silo's relay would.</summary>
    private async Task<LiveAlert> LastAlertAsync(TenantClient tenant)
    {
        var hr = new Caller(tenant.TenantId, "hr", CallerKind.User, [Role.Hr], null, []);
        var alerts = await Grains.GetGrain<IPerformanceGrain>(tenant.TenantId).GetAlertsAsync(hr, "B002", 10);
        return new LiveAlert("B002", [DemoCompany.Business, "hq"], alerts.Value![0]);
    }
}

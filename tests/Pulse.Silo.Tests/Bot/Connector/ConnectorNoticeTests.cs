using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Bot.Proactive;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Performance;
using Pulse.Reviews;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;
using Pulse.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.Connector;

/// <summary>
/// Alerts and review notices reach a Teams user's one-to-one conversation through the stand-in connector: an event
/// through the ingestion API, the engine's crossing, the feed, the relay, the user's chat presence, a new activity
/// posted to the connector with the bearer token.
/// </summary>
public sealed class ConnectorNoticeTests(ConnectorAppFixture fixture) : IClassFixture<ConnectorAppFixture>
{
    private const string BadDebt = "bad-debt-rate";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string ServiceUrl => fixture.StandIn.BaseUrl + "/";

    private NoticeRelay Relay => fixture.App.Services.GetRequiredService<NoticeRelay>();

    private IChatUserGrain User => fixture.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IChatUserGrain>(GrainKeys.For(fixture.TenantId, "b002"));

    [Fact]
    public async Task A_breach_is_posted_once_to_the_users_teams_conversation_with_the_bearer_and_a_muted_recovery_is_not()
    {
        var conversation = await TalkAsync(personal: true);

        await Expect.StatusAsync(await fixture.Tenant.PostEventsAsync(
            [TestEvents.Loan("B002", 1_000), TestEvents.Loan("B002", 1_000), TestEvents.Loan("B002", 1_000), TestEvents.Default("B002", 225)]), 200);
        var breach = Assert.Single(await AlertsInAsync(conversation, 1));

        Assert.Null(breach.ReplyToId);
        Assert.Null(breach.Body["replyToId"]);
        Assert.StartsWith("Bearer outgoing-token-", breach.Authorization);
        Assert.Equal("pulse/alert", breach.Body["name"]!.GetValue<string>());
        Assert.StartsWith("⚠️ Alert: Your Bad-debt rate is 7.5%", breach.Body["text"]!.GetValue<string>());
        Assert.Equal(ConnectorAppFixture.LinkedUser, breach.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("28:" + ConnectorAppFixture.AppId, breach.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal(conversation, breach.Body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("aad-tenant", breach.Body["conversation"]!["tenantId"]!.GetValue<string>());
        Assert.Equal("msteams", breach.Body["channelId"]!.GetValue<string>());
        // Every silo's relay offers the crossing; later offers post nothing.
        Assert.Equal(0, await Relay.RelayAsync(await LastAlertAsync(AlertKind.Breached), Cancel));

        // Muted, the recovery is offered (and so seen) but not sent; unmuted, the next breach is.
        await User.MuteAsync(BadDebt);
        await Expect.StatusAsync(await fixture.Tenant.PostEventsAsync([TestEvents.Loan("B002", 100_000)]), 200);
        Assert.Equal(0, await Relay.RelayAsync(await LastAlertAsync(AlertKind.Recovered), Cancel));
        await User.UnmuteAsync(BadDebt);
        await Expect.StatusAsync(await fixture.Tenant.PostEventsAsync([TestEvents.Default("B002", 10_000)]), 200);
        await AlertsInAsync(conversation, 2);
        Assert.Equal(0, await Relay.RelayAsync(await LastAlertAsync(AlertKind.Breached), Cancel));

        var alerts = await AlertsInAsync(conversation, 2);
        Assert.Equal(2, alerts.Length);
        Assert.All(alerts, a => Assert.StartsWith("⚠️ Alert:", a.Body["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_review_notice_is_posted_once_to_the_one_to_one_conversation_and_never_to_a_group_chat()
    {
        var group = await TalkAsync(personal: false);
        var personal = await TalkAsync(personal: true);
        var period = $"2031-{Random.Shared.Next(1, 13):00}";
        var notice = new ReviewNotice(fixture.TenantId, ReviewNoticeKind.CycleOpened, period, Random.Shared.Next(1, 1_000_000), "B002", "B002", 3, DateTimeOffset.UtcNow.AddDays(5), null);

        Assert.True(await Relay.RelayAsync(notice, Cancel) >= 1);
        Assert.Equal(0, await Relay.RelayAsync(notice, Cancel));

        var posted = Assert.Single(await NoticesInAsync(personal, "pulse/review", 1));
        Assert.Null(posted.ReplyToId);
        Assert.StartsWith("Bearer outgoing-token-", posted.Authorization);
        Assert.Contains($"The {period} review is open: you have 3 people to rate", posted.Body["text"]!.GetValue<string>());
        Assert.DoesNotContain(fixture.StandIn.Replies, r => r.ConversationId == group && r.ReplyToId is null);
    }

    [Fact]
    public async Task A_connector_that_refuses_a_notice_does_not_keep_it_from_the_users_other_conversation()
    {
        var broken = await TalkAsync(personal: true, conversation: ConnectorStandIn.BrokenPrefix + Guid.NewGuid().ToString("N"));
        var working = await TalkAsync(personal: true);
        var notice = new ReviewNotice(fixture.TenantId, ReviewNoticeKind.CycleOpened, "2033-01", Random.Shared.Next(1, 1_000_000), "B002", "B002", 1, null, null);

        var posted = await Relay.RelayAsync(notice, Cancel);

        Assert.Single(await NoticesInAsync(working, "pulse/review", 1));
        Assert.DoesNotContain(fixture.StandIn.Replies, r => r.ConversationId == broken && r.ReplyToId is null);
        Assert.Equal(fixture.StandIn.Replies.Count(r => r.ReplyToId is null && r.Body["text"]?.GetValue<string>().Contains("2033-01", StringComparison.Ordinal) == true), posted);
    }

    [Fact]
    public async Task A_notice_held_while_the_user_was_away_follows_the_reply_to_their_next_teams_turn()
    {
        var period = $"2032-{Random.Shared.Next(1, 13):00}";
        var notice = new ReviewNotice(fixture.TenantId, ReviewNoticeKind.RatingsDue, period, Random.Shared.Next(1, 1_000_000), "B003", "B003", 2, DateTimeOffset.UtcNow.AddDays(2), null);
        Assert.Equal(0, await Relay.RelayAsync(notice, Cancel)); // no conversation of theirs is open: held

        var conversation = await TalkAsync(personal: true, from: ConnectorAppFixture.AwayUser);

        var posted = Assert.Single(await NoticesInAsync(conversation, "pulse/review", 1));
        Assert.Null(posted.ReplyToId);
        Assert.Equal(ConnectorAppFixture.AwayUser, posted.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Contains($"2 people still wait for your ratings for {period}", posted.Body["text"]!.GetValue<string>());
        // Handed over once: the next turn brings nothing more.
        await TalkAsync(personal: true, from: ConnectorAppFixture.AwayUser, conversation: conversation);
        Assert.Single(await NoticesInAsync(conversation, "pulse/review", 1));
    }

    /// <summary>A linked user writes in a Teams conversation (new unless given; one-to-one or a group chat); returns it once the bot has answered.</summary>
    private async Task<string> TalkAsync(bool personal, string from = ConnectorAppFixture.LinkedUser, string? conversation = null)
    {
        var answered = fixture.StandIn.Replies.Count(r => r.ConversationId == conversation && r.ReplyToId is not null);
        conversation ??= "a:" + Guid.NewGuid().ToString("N");
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "1" + Guid.NewGuid().ToString("N")[..12],
            ["channelId"] = "msteams",
            ["serviceUrl"] = ServiceUrl,
            ["from"] = new JsonObject { ["id"] = from, ["name"] = "someone" },
            ["recipient"] = new JsonObject { ["id"] = "28:" + ConnectorAppFixture.AppId, ["name"] = "Pulse" },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversation,
                ["conversationType"] = personal ? "personal" : "groupChat",
                ["isGroup"] = !personal,
                ["tenantId"] = "aad-tenant",
            },
            ["text"] = "help",
            ["locale"] = "en-US",
        };
        using var client = fixture.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.StandIn.Token(ConnectorAppFixture.AppId, ServiceUrl));
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(request, Cancel)).StatusCode);
        await Eventually.ReadAsync(
            () => Task.FromResult(fixture.StandIn.Replies.Count(r => r.ConversationId == conversation && r.ReplyToId is not null)),
            replies => replies > answered,
            cancellationToken: Cancel);
        return conversation;
    }

    private Task<ReceivedReply[]> AlertsInAsync(string conversation, int count) => NoticesInAsync(conversation, "pulse/alert", count);

    private Task<ReceivedReply[]> NoticesInAsync(string conversation, string name, int count) => Eventually.ReadAsync(
        () => Task.FromResult(fixture.StandIn.Replies.Where(r => r.ConversationId == conversation && r.ReplyToId is null && r.Body["name"]?.GetValue<string>() == name).ToArray()),
        found => found.Length >= count,
        cancellationToken: Cancel);

    /// <summary>B002's newest crossing of that kind as the feed carries it (once the engine has it), to offer it again as another silo's relay would.</summary>
    private async Task<LiveAlert> LastAlertAsync(AlertKind kind)
    {
        var hr = new Caller(fixture.TenantId, "hr", CallerKind.User, [Role.Hr], null, []);
        var performance = fixture.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IPerformanceGrain>(fixture.TenantId);
        var newest = await Eventually.ReadAsync(
            async () => (await performance.GetAlertsAsync(hr, "B002", 10)).Value![0],
            a => a.Kind == kind,
            cancellationToken: Cancel);
        return new LiveAlert("B002", [DemoCompany.Business, "hq"], newest);
    }
}

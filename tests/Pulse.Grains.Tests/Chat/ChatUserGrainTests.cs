using Orleans.Core.Internal;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Live;
using Pulse.Performance;
using Pulse.Reviews;

namespace Pulse.Tests.Chat;

[Collection(ChatClusterCollection.Name)]
public sealed class ChatUserGrainTests(ChatClusterFixture fixture)
{
    private const string Tenant = "chat-t";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_alert_goes_to_every_open_conversation_once_however_often_it_is_offered()
    {
        var user = NewUser();
        Assert.Empty(await user.ConversationOpenedAsync("c1"));
        Assert.Empty(await user.ConversationOpenedAsync("c2"));
        var alert = Alert("B002", 7);

        var first = (await user.DeliverAlertAsync(alert)).Conversations;
        var again = (await user.DeliverAlertAsync(alert)).Conversations;
        var sameCrossingFromAnotherSilo = (await user.DeliverAlertAsync(alert with { EmployeeName = "x" })).Conversations;

        Assert.Equal(["c1", "c2"], first.Order(StringComparer.Ordinal));
        Assert.Empty(again);
        Assert.Empty(sameCrossingFromAnotherSilo);
        // Its recovery is another crossing.
        Assert.Equal(2, ((await user.DeliverAlertAsync(Alert("B002", 9, AlertKind.Recovered))).Conversations).Length);
    }

    [Fact]
    public async Task Alerts_held_while_no_conversation_is_open_are_given_back_once_by_the_next_open()
    {
        var user = NewUser();
        Assert.Empty((await user.DeliverAlertAsync(Alert("B002", 1))).Conversations);
        Assert.Empty((await user.DeliverAlertAsync(Alert("B002", 2, AlertKind.Recovered))).Conversations);

        var held = await user.ConversationOpenedAsync("c1");
        var heldAgain = await user.ConversationOpenedAsync("c2");

        Assert.Equal([1L, 2L], held.Cast<LiveAlert>().Select(a => a.Alert.AtSeq));
        Assert.Empty(heldAgain);
    }

    [Fact]
    public async Task A_muted_type_is_neither_sent_nor_held_and_unmuting_lets_the_next_crossing_through()
    {
        var user = NewUser();
        await user.ConversationOpenedAsync("c1");
        var muted = await user.MuteAsync("bad-debt-rate");
        Assert.Equal(["bad-debt-rate"], muted.MutedAlertTypes);
        Assert.Equal(["bad-debt-rate"], (await user.MuteAsync("bad-debt-rate")).MutedAlertTypes); // twice is once

        Assert.Empty((await user.DeliverAlertAsync(Alert("B002", 1))).Conversations);
        Assert.Equal(["c1"], (await user.DeliverAlertAsync(Alert("B002", 2, indicator: "complaint-rate"))).Conversations);
        Assert.Empty((await user.UnmuteAsync("bad-debt-rate")).MutedAlertTypes);
        Assert.Equal(["c1"], (await user.DeliverAlertAsync(Alert("B002", 3, AlertKind.Recovered))).Conversations);
        Assert.Empty(await user.ConversationOpenedAsync("c2"));
    }

    [Fact]
    public async Task An_alert_held_for_a_type_muted_afterwards_is_not_given_back()
    {
        var user = NewUser();
        await user.DeliverAlertAsync(Alert("B002", 1));
        await user.DeliverAlertAsync(Alert("B002", 2, indicator: "complaint-rate"));
        await user.MuteAsync("bad-debt-rate");

        Assert.Equal(["complaint-rate"], (await user.ConversationOpenedAsync("c1")).Cast<LiveAlert>().Select(a => a.Alert.IndicatorId));
    }

    [Fact]
    public async Task A_conversation_unused_for_longer_than_the_window_is_closed_until_it_is_used_again()
    {
        var user = NewUser();
        await user.ConversationOpenedAsync("c1");
        await user.ConversationOpenedAsync("c2");
        fixture.Clock.Advance(TimeSpan.FromMinutes(20));
        await user.ConversationActiveAsync("c2");
        fixture.Clock.Advance(TimeSpan.FromMinutes(15)); // c1 silent 35 min, c2 15 min

        Assert.Equal(["c2"], (await user.DeliverAlertAsync(Alert("B002", 1))).Conversations);
        fixture.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Empty((await user.DeliverAlertAsync(Alert("B002", 2, AlertKind.Recovered))).Conversations);
        await user.ConversationActiveAsync("c1");
        Assert.Equal(["c1"], (await user.DeliverAlertAsync(Alert("B002", 3))).Conversations);
        Assert.Equal([2L], (await user.ConversationOpenedAsync("c3")).Cast<LiveAlert>().Select(a => a.Alert.AtSeq));
    }

    [Fact]
    public async Task Writing_in_a_conversation_opens_it_and_keeps_the_language_in_one_call()
    {
        var user = NewUser();

        await user.ConversationUsedAsync("c1", "en-US");
        await user.ConversationUsedAsync("c1", null);
        await user.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);

        Assert.Equal("en-US", (await user.GetProfileAsync()).Locale);
        Assert.Equal(["c1"], (await user.DeliverAlertAsync(Alert("B002", 1))).Conversations);
        await Assert.ThrowsAsync<ArgumentException>(() => user.ConversationUsedAsync("c1", "en<US"));
    }

    [Fact]
    public async Task Its_lists_stay_bounded_keeping_the_newest()
    {
        var user = NewUser();
        for (var i = 1; i <= ChatUserGrain.MaxHeld + 10; i++) await user.DeliverAlertAsync(Alert("B002", i));
        var held = await user.ConversationOpenedAsync("c0");
        Assert.Equal(Enumerable.Range(11, ChatUserGrain.MaxHeld).Select(i => (long)i), held.Cast<LiveAlert>().Select(a => a.Alert.AtSeq));

        for (var i = 1; i <= ChatUserGrain.MaxConversations + 2; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            await user.ConversationOpenedAsync($"c{i}");
        }
        var open = (await user.DeliverAlertAsync(Alert("B002", 1_000))).Conversations;
        Assert.Equal(Enumerable.Range(3, ChatUserGrain.MaxConversations).Select(i => $"c{i}").Order(StringComparer.Ordinal), open.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Mutes_locale_held_alerts_and_crossings_seen_survive_reactivation()
    {
        var user = NewUser();
        await user.MuteAsync("complaint-rate");
        await user.SetLocaleAsync("en-US");
        await user.DeliverAlertAsync(Alert("B002", 1));

        await user.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);

        var profile = await user.GetProfileAsync();
        Assert.Equal("en-US", profile.Locale);
        Assert.Equal(["complaint-rate"], profile.MutedAlertTypes);
        Assert.Empty((await user.DeliverAlertAsync(Alert("B002", 1))).Conversations); // seen before the reactivation
        Assert.Equal([1L], (await user.ConversationOpenedAsync("c1")).Cast<LiveAlert>().Select(a => a.Alert.AtSeq));
    }

    [Fact]
    public async Task Another_tenants_alert_and_malformed_arguments_are_refused()
    {
        var user = NewUser();
        var foreign = Alert("B002", 1);
        foreign = foreign with { Alert = foreign.Alert with { TenantId = "other" } };

        await Assert.ThrowsAsync<ArgumentException>(() => user.DeliverAlertAsync(foreign));
        await Assert.ThrowsAsync<ArgumentException>(() => user.ConversationOpenedAsync(new string('x', ChatUserGrain.MaxIdLength + 1)));
        await Assert.ThrowsAsync<ArgumentException>(() => user.MuteAsync(" "));
        await Assert.ThrowsAsync<ArgumentException>(() => user.SetLocaleAsync("zh-CN<script>"));
        Assert.Empty(await user.ConversationOpenedAsync("c1"));
    }

    [Fact]
    public async Task A_review_notice_is_delivered_once_and_held_after_the_alerts_while_no_conversation_is_open()
    {
        var user = NewUser();
        var notice = new ReviewNotice(Tenant, ReviewNoticeKind.ResultPublished, "2025-03", 1, "B002", "", 0, null, null);
        Assert.Empty((await user.DeliverNoticeAsync(notice)).Conversations);
        Assert.Empty((await user.DeliverAlertAsync(Alert("B002", 1))).Conversations);
        Assert.Empty((await user.DeliverNoticeAsync(notice)).Conversations); // another silo's relay offers it too

        var held = await user.ConversationOpenedAsync("c1");
        Assert.Equal(2, held.Length);
        Assert.IsType<LiveAlert>(held[0]);
        Assert.Equal(notice, held[1]);
        Assert.Empty((await user.DeliverNoticeAsync(notice)).Conversations);
        // A re-approval publishes the result again: another notice.
        Assert.Equal(["c1"], (await user.DeliverNoticeAsync(notice with { Revision = 2 })).Conversations);
        await Assert.ThrowsAsync<ArgumentException>(() => user.DeliverNoticeAsync(notice with { TenantId = "other", Revision = 3 }));
    }

    [Fact]
    public async Task A_channel_conversation_gets_notices_by_reference_once_and_its_next_turn_takes_what_was_held()
    {
        var user = NewUser();
        var teams = Channel("a:1");
        Assert.Empty((await user.DeliverAlertAsync(Alert("B002", 1))).Channels); // nothing open: held

        var held = await user.ChannelConversationUsedAsync(teams, "en-US");
        Assert.Equal([1L], held.Cast<LiveAlert>().Select(a => a.Alert.AtSeq));
        Assert.Empty(await user.ChannelConversationUsedAsync(teams, null));
        Assert.Equal("en-US", (await user.GetProfileAsync()).Locale);

        // The connector moved the conversation to another serviceUrl: the newest reference is the one used.
        var moved = teams with { ServiceUrl = "https://smba.example/emea/" };
        await user.ChannelConversationUsedAsync(moved, null);
        await user.ConversationOpenedAsync("c1");
        var delivery = await user.DeliverAlertAsync(Alert("B002", 2));
        Assert.Equal(["c1"], delivery.Conversations);
        Assert.Equal([moved], delivery.Channels);
        Assert.Equal(NoticeDelivery.None.Count, (await user.DeliverAlertAsync(Alert("B002", 2))).Count);

        await user.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        Assert.Equal([moved], (await user.DeliverNoticeAsync(new ReviewNotice(Tenant, ReviewNoticeKind.CycleOpened, "2025-03", 1, "B002", "", 2, null, null))).Channels);
    }

    [Fact]
    public async Task A_malformed_channel_reference_is_refused()
    {
        var user = NewUser();
        await Assert.ThrowsAsync<ArgumentException>(() => user.ChannelConversationUsedAsync(Channel("a:1") with { ServiceUrl = "file:///etc" }, null));
        await Assert.ThrowsAsync<ArgumentException>(() => user.ChannelConversationUsedAsync(Channel("a:1") with { UserId = " " }, null));
        await Assert.ThrowsAsync<ArgumentException>(() => user.ChannelConversationUsedAsync(Channel(new string('x', ChannelConversation.MaxFieldLength + 1)), null));
        Assert.Empty((await user.DeliverAlertAsync(Alert("B002", 1))).Channels);
    }

    private static ChannelConversation Channel(string conversationId) =>
        new("msteams", "https://smba.example/amer/", conversationId, "28:bot", "Pulse", "29:1abc", null, "aad-tenant");

    private IChatUserGrain NewUser() => fixture.Grains.GetGrain<IChatUserGrain>(GrainKeys.For(Tenant, "u" + Guid.NewGuid().ToString("N")[..10]));

    private static LiveAlert Alert(string employeeId, long atSeq, AlertKind kind = AlertKind.Breached, string indicator = "bad-debt-rate") =>
        new("张三", ["biz", "hq"], new AlertRecord(Tenant, employeeId, "2025-03", indicator, "above-5", atSeq, kind, 7.5m, 5m, DateTimeOffset.UnixEpoch));
}

using System.Globalization;
using System.Text.Json.Nodes;
using Orleans.Core.Internal;
using Pulse.Chat;
using Pulse.Grains;
using Pulse.Tests.Grains;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.Chat;

[Collection(ClusterCollection.Name)]
public sealed class ConversationGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    private static readonly ChatUser Owner = new("chat-tenant", "b002", "B002");

    private async Task<(IConversationGrain Grain, string Id)> OpenAsync()
    {
        var id = Guid.NewGuid().ToString("N");
        var grain = Grains.GetGrain<IConversationGrain>(GrainKeys.For(Owner.TenantId, id));
        Assert.True(await grain.OpenAsync(Owner));
        return (grain, id);
    }

    private static string Message(int i) => $$"""{"type":"message","text":"m{{i}}","id":"spoofed","channelId":"webchat"}""";

    [Fact]
    public async Task A_conversation_belongs_to_its_first_user_only()
    {
        var (grain, _) = await OpenAsync();

        Assert.True(await grain.OpenAsync(Owner));
        Assert.False(await grain.OpenAsync(Owner with { UserName = "b003" }));
        Assert.False(await Grains.GetGrain<IConversationGrain>(GrainKeys.For("other", "x")).OpenAsync(Owner));
        Assert.Equal(Owner, await grain.GetOwnerAsync());
    }

    [Fact]
    public async Task Appends_are_stamped_with_sequential_ids_strictly_rising_timestamps_and_the_conversation()
    {
        var (grain, id) = await OpenAsync();

        var appended = await grain.AppendAsync([.. Enumerable.Range(0, 20).Select(Message)]);
        var more = await grain.AppendAsync([Message(20)]);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"{id}|{i:D7}"), appended.Ids);
        Assert.Equal(20, appended.Watermark);
        Assert.Equal($"{id}|0000020", Assert.Single(more.Ids));
        var page = await grain.ReadAsync(0);
        Assert.Equal(21, page.Watermark);
        var activities = page.Activities.Select(a => JsonNode.Parse(a)!).ToArray();
        Assert.All(activities, a =>
        {
            Assert.Equal("directline", a["channelId"]!.GetValue<string>());
            Assert.Equal(id, a["conversation"]!["id"]!.GetValue<string>());
        });
        var times = activities.Select(a => DateTime.ParseExact(a["timestamp"]!.GetValue<string>(), "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).ToArray();
        Assert.All(times.Zip(times.Skip(1)), p => Assert.True(p.Second > p.First));
        Assert.Equal(["m19", "m20"], (await grain.ReadAsync(19)).Activities.Select(a => JsonNode.Parse(a)!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_transcript_keeps_the_newest_activities_and_an_old_watermark_reads_from_the_oldest_kept()
    {
        var (grain, id) = await OpenAsync();
        var total = ConversationGrain.MaxActivities + 30;

        for (var i = 0; i < total; i += 100) await grain.AppendAsync([.. Enumerable.Range(i, Math.Min(100, total - i)).Select(Message)]);

        var page = await grain.ReadAsync(0);
        Assert.Equal(total, page.Watermark);
        Assert.Equal(ConversationGrain.MaxActivities, page.Activities.Length);
        Assert.Equal($"{id}|0000030", JsonNode.Parse(page.Activities[0])!["id"]!.GetValue<string>());
        Assert.Equal(2, (await grain.ReadAsync(total - 2)).Activities.Length);
    }

    [Fact]
    public async Task Transcript_dialog_state_and_the_clock_survive_a_reactivation()
    {
        var (grain, id) = await OpenAsync();
        await grain.AppendAsync([Message(0), Message(1)]);
        await grain.SetDialogStateAsync("""{"step":"feedback"}""");
        var before = JsonNode.Parse((await grain.ReadAsync(1)).Activities[0])!["timestamp"]!.GetValue<string>();

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var after = await grain.AppendAsync([Message(2)]);

        Assert.Equal($"{id}|0000002", after.Ids[0]);
        Assert.Equal(Owner, await grain.GetOwnerAsync());
        Assert.Equal("""{"step":"feedback"}""", await grain.GetDialogStateAsync());
        var page = await grain.ReadAsync(0);
        Assert.Equal(3, page.Watermark);
        Assert.True(string.CompareOrdinal(JsonNode.Parse(page.Activities[2])!["timestamp"]!.GetValue<string>(), before) > 0);
    }

    [Fact]
    public async Task A_watcher_gets_each_append_and_an_unopened_conversation_refuses_appends()
    {
        var (grain, _) = await OpenAsync();
        var watcher = new RecordingWatcher();
        var reference = fixture.Cluster.Client.CreateObjectReference<IConversationObserver>(watcher);
        await grain.WatchAsync(reference);

        await grain.AppendAsync([Message(0)]);
        await grain.AppendAsync([Message(1), Message(2)]);

        var pages = await Eventually.ReadAsync(() => Task.FromResult(watcher.Pages.ToArray()), p => p.Length == 2, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([1L, 3L], pages.Select(p => p.Watermark));
        Assert.Equal(2, pages[1].Activities.Length);
        await grain.UnwatchAsync(reference);
        fixture.Cluster.Client.DeleteObjectReference<IConversationObserver>(reference);

        var unopened = Grains.GetGrain<IConversationGrain>(GrainKeys.For(Owner.TenantId, Guid.NewGuid().ToString("N")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => unopened.AppendAsync([Message(0)]));
    }

    [Fact]
    public async Task A_posted_echo_has_its_id_at_once_and_is_seen_only_when_kept_with_the_answer_in_one_push()
    {
        var (grain, id) = await OpenAsync();
        var watcher = new RecordingWatcher();
        var reference = fixture.Cluster.Client.CreateObjectReference<IConversationObserver>(watcher);
        await grain.WatchAsync(reference);

        var echo = await grain.PostAsync(Message(0));
        var unseen = await grain.ReadAsync(0);
        var answered = await grain.AnswerAsync([Message(1), Message(2)], """{"step":"idle"}""");

        Assert.Equal($"{id}|0000000", Assert.Single(echo.Ids));
        Assert.Equal(1, echo.Watermark);
        Assert.Empty(unseen.Activities);
        Assert.Equal(0, unseen.Watermark);
        Assert.Equal([$"{id}|0000001", $"{id}|0000002"], answered.Ids);
        Assert.Equal(3, answered.Watermark);
        Assert.Equal("""{"step":"idle"}""", await grain.GetDialogStateAsync());
        var page = Assert.Single(await Eventually.ReadAsync(() => Task.FromResult(watcher.Pages.ToArray()), p => p.Length > 0, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(3, page.Watermark);
        Assert.Equal(["m0", "m1", "m2"], page.Activities.Select(a => JsonNode.Parse(a)!["text"]!.GetValue<string>()));
        Assert.Equal(page.Activities, (await grain.ReadAsync(0)).Activities);
        await grain.UnwatchAsync(reference);
        fixture.Cluster.Client.DeleteObjectReference<IConversationObserver>(reference);
    }

    [Fact]
    public async Task An_echo_nothing_answers_is_kept_alone_after_the_hold_and_survives_a_reactivation()
    {
        var (grain, id) = await OpenAsync();

        await grain.PostAsync(Message(0));
        var kept = await Eventually.ReadAsync(() => grain.ReadAsync(0), p => p.Watermark == 1, cancellationToken: TestContext.Current.CancellationToken);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        Assert.Equal($"{id}|0000000", JsonNode.Parse(Assert.Single(kept.Activities))!["id"]!.GetValue<string>());
        Assert.Equal(kept.Activities, (await grain.ReadAsync(0)).Activities);
        Assert.Equal($"{id}|0000001", Assert.Single((await grain.AppendAsync([Message(1)])).Ids));
    }

    [Fact]
    public async Task A_transcript_of_many_pages_reads_whole_from_any_watermark_after_a_reactivation()
    {
        var (grain, id) = await OpenAsync();
        var total = ConversationGrain.PageActivities * 3 + 5;

        for (var i = 0; i < total; i += 2)
        {
            await grain.PostAsync(Message(i));
            if (i + 1 < total) await grain.AnswerAsync([Message(i + 1)], null);
        }
        await Eventually.ReadAsync(() => grain.ReadAsync(0), p => p.Watermark == total, cancellationToken: TestContext.Current.CancellationToken);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        var all = await grain.ReadAsync(0);
        Assert.Equal(total, all.Watermark);
        Assert.Equal(Enumerable.Range(0, total).Select(i => $"{id}|{i:D7}"), all.Activities.Select(a => JsonNode.Parse(a)!["id"]!.GetValue<string>()));
        foreach (var from in new[] { 1, ConversationGrain.PageActivities - 1, ConversationGrain.PageActivities, total - 3, total })
        {
            Assert.Equal(all.Activities.Skip(from), (await grain.ReadAsync(from)).Activities);
        }
    }

    private sealed class RecordingWatcher : IConversationObserver
    {
        public System.Collections.Concurrent.ConcurrentQueue<TranscriptPage> Pages { get; } = new();

        public Task OnAppendedAsync(string tenantId, string conversationId, TranscriptPage page)
        {
            Pages.Enqueue(page);
            return Task.CompletedTask;
        }
    }
}

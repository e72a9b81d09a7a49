using Pulse.Tests.Infrastructure;
using Pulse.Feedback;

namespace Pulse.Tests.Feedback;

/// <summary>The behaviour every <see cref="IFeedbackStore"/> promises; one derived class per store.</summary>
public abstract class FeedbackStoreContractTests : StoreContractTests<IFeedbackStore>
{
    protected override Task InitializeStoreAsync(IFeedbackStore store) => store.InitializeAsync(Ct);

    private static readonly DateTimeOffset Noon = new(2025, 3, 10, 12, 0, 0, TimeSpan.FromHours(8));

    private static FeedbackItem Item(string text, string employee = "e1", FeedbackKind kind = FeedbackKind.Note, string? indicator = null) =>
        new(0, employee, "manager1", kind, text, indicator, Noon, null);

    [Fact]
    public async Task Items_read_back_exactly_as_given_with_offset_ticks_nulls_and_unicode()
    {
        var at = Noon.AddTicks(1234567);
        var given = await Store.AddAsync("t1", new FeedbackItem(0, "e1", "张经理", FeedbackKind.Praise, "本月放款做得很好 👍", "loan-volume", at, null), Ct);
        var plain = await Store.AddAsync("t1", Item("note"), Ct);

        // Another instance over the same data: what it reads came from storage, not from memory.
        var page = await Open().PageAsync("t1", "e1", null, 10, Ct);

        Assert.True(plain.Id > given.Id);
        Assert.Equal([plain, given], page);
        Assert.Equal(at, page[1].At);
        Assert.Equal(at.Offset, page[1].At.Offset);
        Assert.Null(page[0].IndicatorId);
    }

    [Fact]
    public async Task Pages_are_newest_first_bounded_and_continue_below_the_cursor()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.AddAsync("t1", Item($"n{i}"), Ct);
        }

        var first = await Store.PageAsync("t1", "e1", null, 2, Ct);
        var second = await Store.PageAsync("t1", "e1", first[^1].Id, 2, Ct);
        var third = await Store.PageAsync("t1", "e1", second[^1].Id, 2, Ct);

        Assert.Equal(["n4", "n3"], first.Select(i => i.Text));
        Assert.Equal(["n2", "n1"], second.Select(i => i.Text));
        Assert.Equal(["n0"], third.Select(i => i.Text));
    }

    [Fact]
    public async Task Tenants_and_employees_are_kept_apart()
    {
        var mine = await Store.AddAsync("t1", Item("mine"), Ct);
        await Store.AddAsync("t2", Item("other tenant"), Ct);
        await Store.AddAsync("t1", Item("other employee", employee: "e2"), Ct);

        Assert.Equal([mine], await Store.PageAsync("t1", "e1", null, 10, Ct));
        Assert.Null(await Store.FindAsync("t2", "e1", mine.Id, Ct));
        Assert.Null(await Store.FindAsync("t1", "e2", mine.Id, Ct));
        Assert.False(await Store.ReplyAsync("t2", "e1", mine.Id, new FeedbackReply(FeedbackReplyKind.Object, null, Noon), Ct));
        Assert.Null((await Store.FindAsync("t1", "e1", mine.Id, Ct))!.Reply);
    }

    [Fact]
    public async Task A_reply_is_set_once_and_a_second_one_changes_nothing()
    {
        var item = await Store.AddAsync("t1", Item("坏账偏高", kind: FeedbackKind.Improve), Ct);
        var reply = new FeedbackReply(FeedbackReplyKind.Object, "客户延期", Noon.AddHours(1));

        Assert.True(await Store.ReplyAsync("t1", "e1", item.Id, reply, Ct));
        Assert.False(await Store.ReplyAsync("t1", "e1", item.Id, new FeedbackReply(FeedbackReplyKind.Acknowledge, null, Noon.AddHours(2)), Ct));
        Assert.False(await Store.ReplyAsync("t1", "e1", item.Id + 1000, reply, Ct));

        Assert.Equal(item with { Reply = reply }, await Open().FindAsync("t1", "e1", item.Id, Ct));
    }

    [Fact]
    public async Task Replies_racing_from_two_instances_let_exactly_one_win()
    {
        var item = await Store.AddAsync("t1", Item("race"), Ct);
        var a = Open();
        var b = Open();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? a : b).ReplyAsync("t1", "e1", item.Id, new FeedbackReply(FeedbackReplyKind.Acknowledge, $"r{i}", Noon), Ct)));

        Assert.Single(outcomes, won => won);
    }
}

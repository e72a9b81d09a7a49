using Pulse.Tests.Infrastructure;
using Pulse.Audit;
using Pulse.Security;

namespace Pulse.Tests.Audit;

/// <summary>The behaviour every <see cref="IAuditLog"/> store promises; one derived class per store.</summary>
public abstract class AuditLogContractTests : StoreContractTests<IAuditLog>
{
    protected IAuditLog Log => Store;

    protected override Task InitializeStoreAsync(IAuditLog store) => store.InitializeAsync(Ct);

    /// <summary>Runs a statement on the audit table behind the store's back; <c>{table}</c> stands for the table's name.</summary>
    protected abstract Task ExecuteRawAsync(string sql);

    private static readonly DateTimeOffset Noon = new(2025, 3, 10, 12, 0, 0, TimeSpan.FromHours(8));

    private static AuditEntry Entry(
        string action = "employee.put", string actor = "hr1", string tenant = "t1", DateTimeOffset? at = null, string target = "employee/e1") =>
        new(tenant, at ?? Noon, actor, action, target, null, "{\"name\":\"Li\"}");

    private Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query) => Log.QueryAsync(query, Ct);

    [Fact]
    public async Task Entries_read_back_exactly_as_appended_with_offset_ticks_nulls_and_unicode()
    {
        AuditEntry[] entries =
        [
            new("t1", new DateTimeOffset(2025, 3, 10, 9, 15, 30, TimeSpan.FromHours(8)).AddTicks(1234567), "hr1", "template.put", "template/业务部",
                "{\"name\":\"月度贷款额度达标率\",\"weight\":70}", "{\"name\":\"月度贷款额度达标率\",\"weight\":60}"),
            new("t1", new DateTimeOffset(2025, 3, 10, 1, 2, 3, TimeSpan.FromMinutes(-330)), "key:k7", "employee.put", "employee/e1", null, "{\"name\":\"张三\"}"),
            new("t1", new DateTimeOffset(2025, 3, 11, 0, 0, 0, TimeSpan.Zero), "system", "employee.remove", "employee/e2", "{\"name\":\"李四\"}", null),
        ];

        await Log.AppendAsync(entries, Ct);
        var records = await QueryAsync(new AuditQuery("t1"));

        Assert.Equal(entries, records.Select(r => r.Entry));
        Assert.Equal(entries.Select(e => e.At.Offset), records.Select(r => r.Entry.At.Offset));
        Assert.True(records[0].Id > 0);
        Assert.Equal(records.Select(r => r.Id).Order(), records.Select(r => r.Id));
        Assert.Equal(3, records.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task From_is_inclusive_and_to_is_exclusive_on_the_instant_whatever_the_offsets()
    {
        // Written in different offsets, their text sorts differently from their instants.
        var first = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.FromHours(8));   // 02:00Z
        var second = new DateTimeOffset(2025, 1, 15, 3, 0, 0, TimeSpan.Zero);           // 03:00Z
        var third = new DateTimeOffset(2025, 1, 14, 23, 0, 0, TimeSpan.FromHours(-5));  // 04:00Z
        await Log.AppendAsync([Entry("a.first", at: first), Entry("a.second", at: second), Entry("a.third", at: third)], Ct);

        async Task<string[]> Between(DateTimeOffset? from, DateTimeOffset? to) =>
            [.. (await QueryAsync(new AuditQuery("t1", From: from, To: to))).Select(r => r.Entry.Action)];

        Assert.Equal(["a.first", "a.second", "a.third"], await Between(first, null));
        Assert.Equal(["a.second"], await Between(second.ToOffset(TimeSpan.FromHours(8)), third.ToOffset(TimeSpan.FromHours(8))));
        Assert.Equal(["a.first", "a.second"], await Between(null, third));
        Assert.Equal(["a.third"], await Between(second.AddTicks(1), null));
        Assert.Empty(await Between(second, second));
    }

    [Fact]
    public async Task Actor_filter_matches_exactly()
    {
        await Log.AppendAsync([Entry(actor: "alice"), Entry(actor: "alice2"), Entry(actor: "Alice"), Entry(actor: "alice")], Ct);

        var records = await QueryAsync(new AuditQuery("t1", Actor: "alice"));

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("alice", r.Entry.Actor));
    }

    [Fact]
    public async Task Action_prefix_is_literal_and_case_sensitive()
    {
        await Log.AppendAsync(
            [Entry("key_rotate"), Entry("keyXrotate"), Entry("key_create"), Entry("Key_rotate"), Entry("key%wild"), Entry("keys.list"), Entry(@"key\x")],
            Ct);

        async Task<string[]> WithPrefix(string prefix) =>
            [.. (await QueryAsync(new AuditQuery("t1", ActionPrefix: prefix))).Select(r => r.Entry.Action)];

        Assert.Equal(["key_rotate", "key_create"], await WithPrefix("key_"));
        Assert.Equal(["key%wild"], await WithPrefix("key%"));
        Assert.Equal([@"key\x"], await WithPrefix(@"key\"));
        Assert.Equal(["key_rotate", "keyXrotate", "key_create", "key%wild", "keys.list", @"key\x"], await WithPrefix("key"));
    }

    [Fact]
    public async Task AfterId_pages_through_the_log_in_id_order()
    {
        await Log.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Entry($"a.{i}"))], Ct);

        var page1 = await QueryAsync(new AuditQuery("t1", Limit: 2));
        var page2 = await QueryAsync(new AuditQuery("t1", AfterId: page1[^1].Id, Limit: 2));
        var page3 = await QueryAsync(new AuditQuery("t1", AfterId: page2[^1].Id, Limit: 2));
        var page4 = await QueryAsync(new AuditQuery("t1", AfterId: page3[^1].Id, Limit: 2));

        Assert.Equal(["a.0", "a.1", "a.2", "a.3", "a.4"], page1.Concat(page2).Concat(page3).Select(r => r.Entry.Action));
        Assert.Empty(page4);
    }

    [Fact]
    public async Task Limit_is_clamped_between_one_and_a_thousand()
    {
        await Log.AppendAsync([.. Enumerable.Range(0, 1001).Select(i => Entry($"a.{i}"))], Ct);

        Assert.Single(await QueryAsync(new AuditQuery("t1", Limit: 0)));
        Assert.Single(await QueryAsync(new AuditQuery("t1", Limit: -5)));
        Assert.Equal(1000, (await QueryAsync(new AuditQuery("t1", Limit: int.MaxValue))).Count);
    }

    [Fact]
    public async Task ReadAllAsync_returns_every_matching_entry_across_pages()
    {
        await Log.AppendAsync([.. Enumerable.Range(0, 7).Select(i => Entry(i % 2 == 0 ? $"even.{i}" : $"odd.{i}"))], Ct);

        var all = new List<string>();
        await foreach (var record in Log.ReadAllAsync(new AuditQuery("t1", ActionPrefix: "even.", Limit: 2), Ct))
        {
            all.Add(record.Entry.Action);
        }

        Assert.Equal(["even.0", "even.2", "even.4", "even.6"], all);
    }

    [Fact]
    public async Task Tenants_never_see_each_others_entries()
    {
        await Log.AppendAsync([Entry("a.1", tenant: "t1"), Entry("b.1", tenant: "t2"), Entry("a.2", tenant: "t1")], Ct);

        var t1 = await QueryAsync(new AuditQuery("t1"));
        var t2 = await QueryAsync(new AuditQuery("t2"));
        var t2AfterT1sFirst = await QueryAsync(new AuditQuery("t2", AfterId: t1[0].Id, ActionPrefix: "a."));

        Assert.Equal(["a.1", "a.2"], t1.Select(r => r.Entry.Action));
        Assert.Equal(["b.1"], t2.Select(r => r.Entry.Action));
        Assert.Empty(t2AfterT1sFirst);
        Assert.Empty(await QueryAsync(new AuditQuery("t3")));
    }

    [Fact]
    public async Task Update_and_delete_behind_the_stores_back_fail_and_change_nothing()
    {
        await Log.AppendAsync([Entry("rating.put", actor: "manager1"), Entry("calibration.approve", actor: "hr1")], Ct);
        var before = await QueryAsync(new AuditQuery("t1"));

        var update = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("UPDATE {table} SET actor = 'mallory'"));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("DELETE FROM {table} WHERE actor = 'hr1'"));
        var deleteAll = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("DELETE FROM {table}"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", deleteAll.Message, StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(new AuditQuery("t1")));
    }

    [Fact]
    public async Task An_invalid_entry_rejects_the_whole_append()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Log.AppendAsync([Entry("a.ok"), Entry("a.bad", actor: " ")], Ct));

        Assert.Contains("Actor", error.Message, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync(new AuditQuery("t1")));
    }

    [Fact]
    public async Task Entries_survive_reopening_the_store_and_schema_creation_is_idempotent()
    {
        await Log.AppendAsync([Entry("a.1"), Entry("a.2")], Ct);
        var written = await QueryAsync(new AuditQuery("t1"));
        await CloseAsync(Log);

        var reopened = Open();
        await reopened.InitializeAsync(Ct);
        await reopened.InitializeAsync(Ct);
        await reopened.AppendAsync([Entry("a.3")], Ct);

        var read = await reopened.QueryAsync(new AuditQuery("t1"), Ct);
        Assert.Equal(written, read.Take(2));
        Assert.Equal("a.3", read[2].Entry.Action);
        Assert.True(read[2].Id > read[1].Id);
    }
}

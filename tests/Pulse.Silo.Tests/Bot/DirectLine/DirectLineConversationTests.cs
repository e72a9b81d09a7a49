using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.DirectLine;

/// <summary>A conversation as Web Chat in polling mode lives it: start, welcome, send, echo, reply, watermarks.</summary>
public sealed class DirectLineConversationTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(TenantClient Tenant, HttpClient Employee)> EmployeeAsync()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        return (tenant, await tenant.UserAsync("b002", [Role.Employee], "B002"));
    }

    [Fact]
    public async Task Starting_answers_201_with_a_fresh_token_and_an_absolute_stream_url_and_the_welcome_waits_in_the_transcript()
    {
        var (_, employee) = await EmployeeAsync();
        var chat = await DirectLineChat.TokenAsync(fixture.App, employee);

        var started = await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Post, "/conversations", new { user = new { id = "page-user" } }), 201);

        Assert.Equal(chat.ConversationId, started["conversationId"]!.GetValue<string>());
        Assert.True(started["expires_in"]!.GetValue<int>() > 0);
        var token = started["token"]!.GetValue<string>();
        Assert.Equal($"ws://localhost/v3/directline/conversations/{chat.ConversationId}/stream?watermark=-&t={Uri.EscapeDataString(token)}", started["streamUrl"]!.GetValue<string>());
        var poll = await chat.PollAsync();
        var welcome = Assert.Single(poll["activities"]!.AsArray())!;
        Assert.Equal("1", poll["watermark"]!.GetValue<string>());
        Assert.Equal($"{chat.ConversationId}|0000000", welcome["id"]!.GetValue<string>());
        Assert.Equal("message", welcome["type"]!.GetValue<string>());
        Assert.Equal("bot", welcome["from"]!["id"]!.GetValue<string>());
        Assert.Equal("bot", welcome["from"]!["role"]!.GetValue<string>());
        Assert.Equal("b002", welcome["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("directline", welcome["channelId"]!.GetValue<string>());
        Assert.Equal(chat.ConversationId, welcome["conversation"]!["id"]!.GetValue<string>());
        Assert.Null(welcome["replyToId"]);
        Assert.True(DateTime.TryParseExact(welcome["timestamp"]!.GetValue<string>(), "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _));

        // Starting again with the same token reopens it: no second welcome.
        await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Post, "/conversations", token: token), 200);
        Assert.Single((await chat.PollAsync())["activities"]!.AsArray());
    }

    [Fact]
    public async Task A_posted_activity_is_echoed_with_its_clientActivityID_a_server_id_and_time_and_the_token_users_identity_and_the_reply_answers_the_echo()
    {
        var (_, employee) = await EmployeeAsync();
        var chat = await DirectLineChat.StartAsync(fixture.App, employee, "en-US");

        var id = await chat.PostAsync("hello", "client-1", from: new { id = "hr", name = "Spoofed HR", role = "bot" });

        var transcript = await chat.TranscriptAsync(a => a.Any(x => x!["replyToId"]?.GetValue<string>() == id));
        var echo = Assert.Single(transcript, a => a!["id"]!.GetValue<string>() == id)!;
        Assert.Equal($"{chat.ConversationId}|0000001", id);
        Assert.Equal("client-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.NotNull(echo["channelData"]!["attachmentSizes"]);
        Assert.Equal("hello", echo["text"]!.GetValue<string>());
        Assert.Equal("b002", echo["from"]!["id"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.DoesNotContain("Spoofed", echo.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("directline", echo["channelId"]!.GetValue<string>());
        var reply = transcript.Last(a => a!["replyToId"]?.GetValue<string>() == id)!;
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        Assert.Equal("b002", reply["recipient"]!["id"]!.GetValue<string>());

        // One clock: every timestamp is later than the one before, echoes included.
        var times = transcript.Select(a => DateTime.Parse(a!["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)).ToArray();
        Assert.All(times.Zip(times.Skip(1)), p => Assert.True(p.Second > p.First, $"{p.First:o} then {p.Second:o}"));
    }

    [Fact]
    public async Task A_watermark_reads_only_what_came_after_it_and_an_empty_or_garbled_one_reads_from_the_start()
    {
        var (_, employee) = await EmployeeAsync();
        var chat = await DirectLineChat.StartAsync(fixture.App, employee);
        var first = await chat.PollAsync();
        var watermark = first["watermark"]!.GetValue<string>();

        var id = await chat.PostAsync("进度", "c-2");
        var after = await Expect.EventuallyAsync(() => chat.PollAsync(watermark), p => p["activities"]!.AsArray().Count >= 2);

        Assert.Equal(id, after["activities"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(long.Parse(watermark, CultureInfo.InvariantCulture) + after["activities"]!.AsArray().Count, long.Parse(after["watermark"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        var all = after["watermark"]!.GetValue<string>();
        Assert.Empty((await chat.PollAsync(all))["activities"]!.AsArray());
        Assert.Equal(all, (await chat.PollAsync(all))["watermark"]!.GetValue<string>());
        foreach (var garbled in new[] { "", "-", "abc", "-5", "99999999999999999999999", "1e3" })
        {
            var poll = await chat.PollAsync(garbled);
            Assert.Equal(first["activities"]![0]!["id"]!.GetValue<string>(), poll["activities"]![0]!["id"]!.GetValue<string>());
        }
        Assert.Empty((await chat.PollAsync("1000000"))["activities"]!.AsArray());
    }

    [Fact]
    public async Task Reconnecting_answers_a_new_token_and_a_stream_url_from_the_watermark()
    {
        var (_, employee) = await EmployeeAsync();
        var chat = await DirectLineChat.StartAsync(fixture.App, employee);

        var reconnect = await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Get, $"/conversations/{chat.ConversationId}?watermark=1"), 200);

        Assert.Equal(chat.ConversationId, reconnect["conversationId"]!.GetValue<string>());
        var token = reconnect["token"]!.GetValue<string>();
        Assert.EndsWith($"/stream?watermark=1&t={Uri.EscapeDataString(token)}", reconnect["streamUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Get, $"/conversations/{chat.ConversationId}/activities?watermark=", token: token), 200);
    }

    [Fact]
    public async Task A_disabled_account_can_no_longer_post()
    {
        var (tenant, employee) = await EmployeeAsync();
        var chat = await DirectLineChat.StartAsync(fixture.App, employee);

        await Expect.StatusAsync(await tenant.Admin.PutAsJsonAsync("/api/v1/users/b002", new { disabled = true }, TenantClient.Json, Cancel), 200);

        var refused = await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Post, $"/conversations/{chat.ConversationId}/activities", DirectLineChat.Message("hi", "c-x")), 403);
        Assert.Equal("Forbidden", refused["error"]!["code"]!.GetValue<string>());
        await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Post, "/tokens/refresh"), 403);
        Assert.Single((await chat.PollAsync())["activities"]!.AsArray());
    }

    [Fact]
    public async Task Many_posts_each_get_one_echo_and_replies_in_order()
    {
        var (_, employee) = await EmployeeAsync();
        var chat = await DirectLineChat.StartAsync(fixture.App, employee);

        var ids = new List<string>();
        for (var i = 0; i < 10; i++) ids.Add(await chat.PostAsync($"message {i}", $"c-{i}"));

        var transcript = await chat.TranscriptAsync(a => ids.All(id => a.Any(x => x!["replyToId"]?.GetValue<string>() == id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // Turns run one at a time: each reply comes after its echo and before the next message's reply.
        var replyTo = transcript.Select(a => a!["replyToId"]?.GetValue<string>()).OfType<string>().ToArray();
        Assert.Equal(ids, replyTo.Distinct());
        Assert.All(ids, id => Assert.True(
            transcript.ToList().FindIndex(a => a!["id"]!.GetValue<string>() == id) < transcript.ToList().FindIndex(a => a!["replyToId"]?.GetValue<string>() == id)));
    }
}

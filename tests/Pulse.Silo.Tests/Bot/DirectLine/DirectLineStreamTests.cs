using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.DirectLine;

/// <summary>Web Chat's default mode: the stream replays, pushes each append as one frame, and a reconnect resumes from the watermark.</summary>
public sealed class DirectLineStreamTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_stream_replays_the_welcome_then_pushes_the_echo_and_the_reply_and_a_reconnect_replays_what_was_missed()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var chat = await DirectLineChat.StartAsync(fixture.App, await tenant.UserAsync("b002", [Role.Employee], "B002"));

        var socket = await chat.ConnectAsync(chat.StreamUrl);
        var replay = await DirectLineChat.ReceiveAsync(socket);
        Assert.Equal("1", replay["watermark"]!.GetValue<string>());
        Assert.Equal($"{chat.ConversationId}|0000000", Assert.Single(replay["activities"]!.AsArray())!["id"]!.GetValue<string>());

        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, Cancel); // Web Chat's ping, ignored
        var id = await chat.PostAsync("hello", "c-1");
        var pushed = await ReceiveUntilAsync(socket, a => a.Any(x => x!["replyToId"]?.GetValue<string>() == id));
        Assert.Equal(id, pushed[0]!["id"]!.GetValue<string>());
        Assert.Equal("c-1", pushed[0]!["channelData"]!["clientActivityID"]!.GetValue<string>());
        var seen = long.Parse(pushed.Last()!["id"]!.GetValue<string>().Split('|')[1], System.Globalization.CultureInfo.InvariantCulture) + 1;

        // The socket drops; the user's next message and its reply arrive while it is down.
        socket.Abort();
        socket.Dispose();
        var missed = await chat.PostAsync("again", "c-2");
        await chat.TranscriptAsync(a => a.Any(x => x!["replyToId"]?.GetValue<string>() == missed));

        var reconnect = await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Get, $"/conversations/{chat.ConversationId}?watermark={seen}"), 200);
        using var again = await chat.ConnectAsync(reconnect["streamUrl"]!.GetValue<string>());
        var resumed = await DirectLineChat.ReceiveAsync(again);
        var activities = resumed["activities"]!.AsArray();
        Assert.Equal(missed, activities[0]!["id"]!.GetValue<string>());
        Assert.Contains(activities, a => a!["replyToId"]?.GetValue<string>() == missed);
        Assert.DoesNotContain(activities, a => a!["id"]!.GetValue<string>() == id);

        await again.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Cancel);
        Assert.Equal(WebSocketState.Closed, again.State);
    }

    [Fact]
    public async Task Two_sockets_of_one_conversation_both_get_each_append()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var chat = await DirectLineChat.StartAsync(fixture.App, await tenant.UserAsync("b002", [Role.Employee], "B002"));
        using var first = await chat.ConnectAsync(chat.StreamUrl);
        using var second = await chat.ConnectAsync(chat.StreamUrl);
        await DirectLineChat.ReceiveAsync(first);
        await DirectLineChat.ReceiveAsync(second);

        var id = await chat.PostAsync("hello", "c-1");

        await ReceiveUntilAsync(first, a => a.Any(x => x!["id"]!.GetValue<string>() == id));
        await ReceiveUntilAsync(second, a => a.Any(x => x!["id"]!.GetValue<string>() == id));
    }

    [Fact]
    public async Task A_plain_request_to_the_stream_is_refused_and_a_bad_token_never_upgrades()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var chat = await DirectLineChat.StartAsync(fixture.App, await tenant.UserAsync("b002", [Role.Employee], "B002"));
        var path = new Uri(chat.StreamUrl).PathAndQuery;

        await Expect.StatusAsync(await chat.Http.GetAsync(path, Cancel), 400);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => chat.ConnectAsync(chat.StreamUrl.Split("&t=")[0] + "&t=garbage"));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Frames until the activities received so far satisfy <paramref name="condition"/>; each frame's watermark counts them.</summary>
    private static async Task<JsonArray> ReceiveUntilAsync(WebSocket socket, Func<JsonArray, bool> condition)
    {
        var all = new JsonArray();
        while (!condition(all))
        {
            var frame = await DirectLineChat.ReceiveAsync(socket);
            Assert.False(string.IsNullOrEmpty(frame["watermark"]!.GetValue<string>()));
            foreach (var activity in frame["activities"]!.AsArray()) all.Add(activity!.DeepClone());
        }
        return all;
    }
}

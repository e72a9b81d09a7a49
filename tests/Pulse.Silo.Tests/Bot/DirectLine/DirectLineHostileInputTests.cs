using System.Text;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.DirectLine;

/// <summary>What a hostile sender may post: each gets a 400 in Direct Line's error shape, never a 500, and nothing is appended.</summary>
public sealed class DirectLineHostileInputTests(AppFixture fixture)
{
    [Fact]
    public async Task Malformed_oversized_or_odd_bodies_are_refused_with_400_and_leave_the_transcript_as_it_was()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var chat = await DirectLineChat.StartAsync(fixture.App, await tenant.UserAsync("b002", [Role.Employee], "B002"));
        var path = $"/conversations/{chat.ConversationId}/activities";
        var bodies = new[]
        {
            "",
            "{",
            "[]",
            "\"text\"",
            "null",
            """{"type":"message","text":"a","text":"b"}""",
            """{"type":"message","text":"\ud800"}""",
            """{"type":"message","text":5}""",
            """{"type":"","text":"a"}""",
            "{\"type\":\"message\",\"text\":\"" + new string('x', 70 * 1024) + "\"}",
            "{\"type\":\"message\",\"value\":" + string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)) + "}",
        };

        foreach (var body in bodies)
        {
            var refused = await Expect.StatusAsync(await chat.SendRawAsync(path, body), 400);
            Assert.Equal("BadArgument", refused["error"]!["code"]!.GetValue<string>());
        }
        var invalidUtf8 = new ByteArrayContent([.. "{\"type\":\"message\",\"text\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()]);
        invalidUtf8.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, DirectLineChat.Base + path) { Content = invalidUtf8 };
        request.Headers.Authorization = new("Bearer", chat.Token);
        await Expect.StatusAsync(await chat.Http.SendAsync(request, TestContext.Current.CancellationToken), 400);
        await Expect.StatusAsync(await chat.SendRawAsync("/conversations", "{\"locale\":"), 400);

        Assert.Single((await chat.PollAsync())["activities"]!.AsArray());
        // The same conversation still works for a well-formed message with Chinese text.
        var id = await chat.PostAsync("我的进度" + Encoding.UTF8.GetString("😀"u8), "c-ok");
        await chat.TranscriptAsync(a => a.Any(x => x!["replyToId"]?.GetValue<string>() == id));
    }
}

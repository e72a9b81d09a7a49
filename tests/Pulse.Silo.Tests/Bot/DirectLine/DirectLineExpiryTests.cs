using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.DirectLine;

/// <summary>Tokens that run out, and a bot that fails: the channel refuses the first and never leaves the user in silence for the second.</summary>
public sealed class DirectLineExpiryTests(ShortTokenApp fixture) : IClassFixture<ShortTokenApp>
{
    [Fact]
    public async Task An_expired_token_is_refused_with_TokenExpired_and_refresh_cannot_revive_it()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var chat = await DirectLineChat.StartAsync(fixture.App, await tenant.UserAsync("b002", [Role.Employee], "B002"));
        await chat.PollAsync();

        var refused = await Expect.EventuallyAsync(
            () => chat.SendAsync(HttpMethod.Get, $"/conversations/{chat.ConversationId}/activities?watermark="),
            r => (int)r.StatusCode == 403, TimeSpan.FromSeconds(15));

        var body = await Expect.StatusAsync(refused, 403);
        Assert.Equal("TokenExpired", body["error"]!["code"]!.GetValue<string>());
        var refresh = await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Post, "/tokens/refresh"), 403);
        Assert.Equal("TokenExpired", refresh["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_turn_leaves_an_apology_in_the_users_language_answering_the_echo()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var chat = await DirectLineChat.StartAsync(fixture.App, await tenant.UserAsync("b002", [Role.Employee], "B002"));

        var english = await chat.PostAsync("how am I doing", "c-1");
        var chinese = await chat.PostAsync("我的进度", "c-2");

        var transcript = await chat.TranscriptAsync(a => a.Count(x => x!["replyToId"] is not null) == 2);
        var toEnglish = transcript.Single(a => a!["replyToId"]?.GetValue<string>() == english)!;
        var toChinese = transcript.Single(a => a!["replyToId"]?.GetValue<string>() == chinese)!;
        Assert.Equal("en-US", toEnglish["locale"]!.GetValue<string>());
        Assert.Equal("zh-CN", toChinese["locale"]!.GetValue<string>());
        Assert.Equal("bot", toChinese["from"]!["role"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(toChinese["text"]!.GetValue<string>()));
    }
}

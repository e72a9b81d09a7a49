using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Pulse.Security;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.DirectLine;

/// <summary>Who gets a token, and what a token opens: its own conversation, for its own user, and nothing else.</summary>
public sealed class DirectLineAccessTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_a_signed_in_user_gets_a_token_and_the_body_cannot_choose_who_they_are()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");

        await Expect.StatusAsync(await fixture.App.CreateClient().PostAsync($"{DirectLineChat.Base}/tokens/generate", null, Cancel), 401);
        await Expect.StatusAsync(await tenant.Ingest.PostAsync($"{DirectLineChat.Base}/tokens/generate", null, Cancel), 403);

        var generated = await Expect.StatusAsync(await employee.PostAsJsonAsync($"{DirectLineChat.Base}/tokens/generate", new { user = new { id = "hr", name = "HR" }, locale = "en-US" }, Cancel), 200);
        var token = generated["token"]!.GetValue<string>();
        Assert.Equal(1800, generated["expires_in"]!.GetValue<int>());
        Assert.Equal(32, generated["conversationId"]!.GetValue<string>().Length);
        Assert.DoesNotContain('.', token); // opaque, not a JWT whose claims Web Chat would read
        var chat = await DirectLineChat.StartAsync(fixture.App, employee);
        var id = await chat.PostAsync("hi", "c-1", from: new { id = "hr", role = "user" });
        var echo = (await chat.TranscriptAsync(a => a.Any(x => x!["id"]!.GetValue<string>() == id))).Single(x => x!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("b002", echo["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_page_of_another_site_gets_no_token_with_the_users_cookie_but_the_sites_own_page_does()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        await tenant.UserAsync("b002", [Role.Employee], "B002");
        using var http = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var signIn = await http.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenantId = tenant.TenantId, userName = "b002", password = TenantClient.Password, useCookie = true }, TenantClient.Json, Cancel);
        await Expect.StatusAsync(signIn, 204);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pulse=", StringComparison.Ordinal)).Split(';')[0];

        await Expect.StatusAsync(await GenerateWithCookieAsync(http, cookie, "https://evil.example"), 403);
        var own = await Expect.StatusAsync(await GenerateWithCookieAsync(http, cookie, "http://localhost"), 200);
        Assert.False(string.IsNullOrEmpty(own["token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_token_opens_only_its_own_conversation_never_another_users_or_another_tenants()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var mine = await DirectLineChat.StartAsync(fixture.App, await tenant.UserAsync("b002", [Role.Employee], "B002"));
        var theirs = await DirectLineChat.StartAsync(fixture.App, await tenant.UserAsync("biz-manager", [Role.Manager, Role.Employee], "B001"));
        var otherTenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var foreign = await DirectLineChat.StartAsync(fixture.App, await otherTenant.UserAsync("b002", [Role.Employee], "B002"));
        var path = $"/conversations/{mine.ConversationId}";

        foreach (var token in new[] { theirs.Token, foreign.Token })
        {
            var refused = await Expect.StatusAsync(await mine.SendAsync(HttpMethod.Get, $"{path}/activities?watermark=", token: token), 403);
            Assert.Equal("Forbidden", refused["error"]!["code"]!.GetValue<string>());
            await Expect.StatusAsync(await mine.SendAsync(HttpMethod.Post, $"{path}/activities", DirectLineChat.Message("hi", "x"), token), 403);
            await Expect.StatusAsync(await mine.SendAsync(HttpMethod.Get, $"{path}?watermark=0", token: token), 403);
            var socket = await Assert.ThrowsAnyAsync<Exception>(() => mine.ConnectAsync(mine.StreamUrl.Replace(Uri.EscapeDataString(mine.Token), Uri.EscapeDataString(token), StringComparison.Ordinal)));
            Assert.Contains("403", socket.Message, StringComparison.Ordinal);
        }
        // Nothing was added to the conversation by the refused calls.
        Assert.Single((await mine.PollAsync())["activities"]!.AsArray());
    }

    [Fact]
    public async Task A_garbled_or_missing_token_is_refused_and_an_unstarted_conversation_is_not_found()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var employee = await tenant.UserAsync("b002", [Role.Employee], "B002");
        var chat = await DirectLineChat.TokenAsync(fixture.App, employee);
        var path = $"/conversations/{chat.ConversationId}/activities?watermark=";

        var garbled = await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Get, path, token: chat.Token[..^4] + "AAAA"), 403);
        Assert.Equal("TokenExpired", garbled["error"]!["code"]!.GetValue<string>());
        await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Post, "/tokens/refresh", token: "not-a-token"), 403);
        await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Post, "/conversations", token: new string('A', 5000)), 403);
        using var anonymous = fixture.App.CreateClient();
        await Expect.StatusAsync(await anonymous.GetAsync($"{DirectLineChat.Base}{path}", Cancel), 401);
        var missing = await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Get, path), 404);
        Assert.Equal("NotFound", missing["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refreshed_token_keeps_the_binding_and_works_for_the_conversation()
    {
        var tenant = await TenantClient.CreateAsync(fixture.App, DemoCompany.Document(10));
        var chat = await DirectLineChat.StartAsync(fixture.App, await tenant.UserAsync("b002", [Role.Employee], "B002"));

        var refreshed = await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Post, "/tokens/refresh"), 200);

        Assert.Equal(chat.ConversationId, refreshed["conversationId"]!.GetValue<string>());
        var token = refreshed["token"]!.GetValue<string>();
        Assert.NotEqual(chat.Token, token);
        var poll = await Expect.StatusAsync(await chat.SendAsync(HttpMethod.Get, $"/conversations/{chat.ConversationId}/activities?watermark=", token: token), 200);
        Assert.Single(poll["activities"]!.AsArray());
    }

    private static Task<HttpResponseMessage> GenerateWithCookieAsync(HttpClient http, string cookie, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{DirectLineChat.Base}/tokens/generate") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Origin", origin);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http.SendAsync(request, Cancel);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Pulse.Silo.Tests.Infrastructure;
using Pulse.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.Connector;

/// <summary>The Bot Connector endpoint against a local stand-in for the connector: authentication, identity, replies.</summary>
public sealed class BotConnectorTests(ConnectorAppFixture fixture) : IClassFixture<ConnectorAppFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string ServiceUrl => fixture.StandIn.BaseUrl + "/";

    [Fact]
    public async Task A_valid_call_is_accepted_at_once_and_its_reply_reaches_the_connector_with_the_right_path_replyToId_and_bearer()
    {
        var conversation = "a:" + Guid.NewGuid().ToString("N");
        var activity = Message(conversation, ConnectorAppFixture.LinkedUser, "how am I doing");

        var response = await PostAsync(activity, fixture.StandIn.Token(ConnectorAppFixture.AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = await ReplyToAsync(conversation);
        var incomingId = activity["id"]!.GetValue<string>();
        Assert.Equal(incomingId, reply.ReplyToId);
        Assert.Equal(incomingId, reply.Body["replyToId"]!.GetValue<string>());
        Assert.StartsWith("Bearer outgoing-token-", reply.Authorization);
        Assert.Equal(conversation, reply.Body["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(ConnectorAppFixture.LinkedUser, reply.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("28:" + ConnectorAppFixture.AppId, reply.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("msteams", reply.Body["channelId"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(reply.Body["text"]?.GetValue<string>()));
        var tokenRequest = Assert.Single(fixture.StandIn.TokenRequests.Take(1));
        Assert.Equal(("client_credentials", ConnectorAppFixture.AppId), (tokenRequest["grant_type"], tokenRequest["client_id"]));
    }

    [Fact]
    public async Task A_call_without_a_valid_token_gets_401_and_no_reply()
    {
        var standIn = fixture.StandIn;
        var expiredAt = DateTime.UtcNow.AddMinutes(-10); // beyond the five minutes of clock skew allowed
        var stranger = ConnectorStandIn.NewKey(standIn.Key.KeyId!); // same key id, another key: a forged signature
        var tokens = new (string Why, string? Token)[]
        {
            ("none", null),
            ("not a JWT", "not-a-token"),
            ("bad signature", standIn.Token(ConnectorAppFixture.AppId, ServiceUrl, key: stranger)),
            ("unknown key", standIn.Token(ConnectorAppFixture.AppId, ServiceUrl, key: ConnectorStandIn.NewKey("unknown"))),
            ("wrong audience", standIn.Token("another-bot", ServiceUrl)),
            ("wrong issuer", standIn.Token(ConnectorAppFixture.AppId, ServiceUrl, issuer: "https://evil.example")),
            ("expired", standIn.Token(ConnectorAppFixture.AppId, ServiceUrl, expires: expiredAt)),
            ("another serviceUrl", standIn.Token(ConnectorAppFixture.AppId, "https://smba.trafficmanager.net/emea/")),
        };
        var refused = "a:refused-" + Guid.NewGuid().ToString("N");

        foreach (var (why, token) in tokens)
        {
            var response = await PostAsync(Message(refused, ConnectorAppFixture.LinkedUser, "我的进度"), token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // A valid call after them is answered; by then a refused one that had been queued would have been answered too.
        var witness = "a:" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(Message(witness, ConnectorAppFixture.LinkedUser, "help"), standIn.Token(ConnectorAppFixture.AppId, ServiceUrl))).StatusCode);
        await ReplyToAsync(witness);
        Assert.DoesNotContain(standIn.Replies, r => r.ConversationId == refused);
    }

    [Fact]
    public async Task An_unlinked_sender_is_told_the_account_is_not_linked_and_shown_nothing_else()
    {
        var conversation = "a:" + Guid.NewGuid().ToString("N");

        var response = await PostAsync(Message(conversation, "29:unknown", "我的进度"), fixture.StandIn.Token(ConnectorAppFixture.AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = await ReplyToAsync(conversation);
        var text = reply.Body["text"]!.GetValue<string>();
        Assert.Contains("尚未关联", text);
        Assert.Contains("msteams:29:unknown", text);
        Assert.Null(reply.Body["attachments"]);
        Assert.Null(reply.Body["suggestedActions"]);
        Assert.Single(fixture.StandIn.Replies, r => r.ConversationId == conversation);
    }

    [Fact]
    public async Task Malformed_json_and_a_missing_serviceUrl_get_400_problem_details_naming_the_field()
    {
        var token = fixture.StandIn.Token(ConnectorAppFixture.AppId, ServiceUrl);
        using var client = fixture.App.CreateClient();

        var malformed = await SendRawAsync(client, "{\"type\":\"message\",", token);
        var wrongType = await SendRawAsync(client, "{\"type\":\"message\",\"from\":\"not an object\"}", token);
        var noServiceUrl = Message("a:x", ConnectorAppFixture.LinkedUser, "hi");
        noServiceUrl.Remove("serviceUrl");
        var missing = await PostAsync(noServiceUrl, fixture.StandIn.Token(ConnectorAppFixture.AppId, null));

        var problem = await Expect.StatusAsync(malformed, 400);
        Assert.NotNull(problem["errors"]);
        Assert.NotNull((await Expect.StatusAsync(wrongType, 400))["errors"]!["from"]);
        Assert.NotNull((await Expect.StatusAsync(missing, 400))["errors"]!["serviceUrl"]);
    }

    private JsonObject Message(string conversationId, string fromId, string text) => new()
    {
        ["type"] = "message",
        ["id"] = "1" + Guid.NewGuid().ToString("N")[..12],
        ["channelId"] = "msteams",
        ["serviceUrl"] = ServiceUrl,
        ["from"] = new JsonObject { ["id"] = fromId, ["name"] = "someone" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + ConnectorAppFixture.AppId, ["name"] = "Pulse" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["text"] = text,
        ["locale"] = "en-US",
    };

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token)
    {
        using var client = fixture.App.CreateClient();
        return await SendRawAsync(client, activity.ToJsonString(), token);
    }

    private static async Task<HttpResponseMessage> SendRawAsync(HttpClient client, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Cancel);
    }

    private async Task<ReceivedReply> ReplyToAsync(string conversationId) =>
        (await Eventually.ReadAsync(
            () => Task.FromResult(fixture.StandIn.Replies.FirstOrDefault(r => r.ConversationId == conversationId)),
            r => r is not null,
            cancellationToken: Cancel))!;
}

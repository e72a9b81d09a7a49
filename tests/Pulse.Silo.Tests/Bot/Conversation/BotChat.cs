using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Bot.Activities;
using Pulse.Bot.Conversation.Understanding;
using Pulse.Bot.Turns;
using Pulse.Chat;
using Pulse.Security;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests.Bot.Conversation;

/// <summary>
/// One user talking to the real bot over the real silo, as a channel would: each turn carries the dialog state the
/// previous one returned. Every reply is checked for what every reply must have.
/// </summary>
internal sealed class BotChat(IBotTurnHandler bot, string tenantId, string userName, Role[] roles, string? employeeId)
{
    private readonly string _conversationId = "c" + Guid.NewGuid().ToString("N")[..10];

    public string? State { get; private set; }

    public static BotChat For(PulseApp app, TenantClient tenant, string userName, Role[] roles, string? employeeId) =>
        new(app.Services.GetRequiredService<IBotTurnHandler>(), tenant.TenantId, userName, roles, employeeId);

    public static async Task<BotChat> NewUserAsync(PulseApp app, TenantClient tenant, string userName, Role[] roles, string? employeeId)
    {
        await tenant.UserAsync(userName, roles, employeeId);
        return For(app, tenant, userName, roles, employeeId);
    }

    public async Task<Activity> SayAsync(string text)
    {
        var incoming = new Activity { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount(userName, userName, "user") };
        var caller = new Caller(tenantId, userName, CallerKind.User, roles, employeeId, []);
        var result = await bot.OnActivityAsync(new BotTurn(new ChatUser(tenantId, userName, employeeId), caller, _conversationId, incoming, State), TestContext.Current.CancellationToken);
        State = result.DialogState;
        var reply = Assert.Single(result.Replies);
        AssertWellFormed(reply, Language.IsChinese(text) ? "zh-CN" : "en-US");
        return reply;
    }

    public static void AssertWellFormed(Activity reply, string locale)
    {
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(locale, reply.Locale);
        Assert.Equal("plain", reply.TextFormat);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        var actions = reply.SuggestedActions?.Actions;
        Assert.NotNull(actions);
        Assert.NotEmpty(actions);
        Assert.All(actions, a =>
        {
            Assert.Equal("imBack", a.Type);
            Assert.Equal(a.Title, a.Value!.GetValue<string>());
        });
        foreach (var attachment in reply.Attachments ?? [])
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
            var card = attachment.Content!.AsObject();
            Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
            Assert.True(decimal.Parse(card["version"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) <= 1.5m);
            Assert.NotEmpty(card["body"]!.AsArray());
        }
    }

    public static IEnumerable<string> Buttons(Activity reply) => reply.SuggestedActions!.Actions.Select(a => a.Title);

    public static string CardJson(Activity reply) => Assert.Single(reply.Attachments!).Content!.ToJsonString();

    public static JsonNode Indicator(JsonNode performance, string id) =>
        performance["sections"]!.AsArray().SelectMany(s => s!["indicators"]!.AsArray()).Single(i => i!["id"]!.GetValue<string>() == id)!;
}

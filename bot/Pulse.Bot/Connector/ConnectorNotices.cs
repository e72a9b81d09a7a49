using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Pulse.Bot.Activities;
using Pulse.Chat;

namespace Pulse.Bot.Connector;

/// <summary>
/// Starts a message in a Bot Connector conversation, the Bot Framework's proactive way: a new activity (no
/// <c>replyToId</c>) posted to <c>{serviceUrl}/v3/conversations/{id}/activities</c> from the bot's account there to
/// the user, through <see cref="ConnectorHttp"/>. The reference was remembered from the user's own authenticated turn.
/// </summary>
public sealed class ConnectorNotices(ConnectorHttp connector, IOptions<ConnectorOptions> options)
{
    /// <summary>False when this process has no connector for the tenant (not configured, or serving another tenant).</summary>
    public bool Serves(string tenantId) => options.Value.Enabled && string.Equals(options.Value.TenantId, tenantId, StringComparison.Ordinal);

    /// <summary>Posts a copy of <paramref name="notice"/> addressed to <paramref name="to"/>; throws when the connector refuses it.</summary>
    public Task PostAsync(ChannelConversation to, Activity notice, CancellationToken cancellationToken)
    {
        var activity = BotJson.Deserialize(BotJson.Serialize(notice))!;
        activity.From = new ChannelAccount(to.BotId, to.BotName);
        activity.Recipient = new ChannelAccount(to.UserId, to.UserName);
        activity.Conversation = new ConversationAccount(to.ConversationId, TenantId: to.ChannelTenantId);
        activity.ChannelId = to.ChannelId;
        activity.ServiceUrl = to.ServiceUrl;
        activity.ReplyToId = null;
        activity.Id = null;
        return connector.PostAsync(to.ServiceUrl, ConnectorHttp.ActivitiesPath(to.ConversationId, null), activity, cancellationToken);
    }

    /// <summary>The reference of a one-to-one conversation whose serviceUrl is vouched for; null for any other (a group chat's members would all read a notice).</summary>
    public static ChannelConversation? ReferenceOf(AcceptedActivity accepted)
    {
        var a = accepted.Activity;
        if (!accepted.ServiceUrlVouched || a.Conversation is not { IsOneToOne: true } conversation) return null;
        if (a.Recipient is not { Id.Length: > 0 and <= ChannelConversation.MaxFieldLength } bot) return null;
        var tenant = conversation.TenantId ?? (a.ChannelData?["tenant"]?["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null);
        return new ChannelConversation(a.ChannelId!, a.ServiceUrl!, conversation.Id, bot.Id, Fit(bot.Name), a.From!.Id, Fit(a.From.Name), Fit(tenant));
    }

    /// <summary>A name or tenant longer than a reference keeps is left out: neither is needed to address the conversation.</summary>
    private static string? Fit(string? value) => value is { Length: > ChannelConversation.MaxFieldLength } ? null : value;
}

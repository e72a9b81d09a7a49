using Pulse.Bot.Activities;

namespace Pulse.Bot.Connector;

/// <summary>
/// Sends a reply to the channel's connector: <c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>,
/// addressed back (from the bot's account in that channel to the sender), through <see cref="ConnectorHttp"/>.
/// </summary>
public sealed class ConnectorReplies(ConnectorHttp connector)
{
    public Task SendAsync(Activity incoming, Activity reply, CancellationToken cancellationToken)
    {
        reply.From = incoming.Recipient;
        reply.Recipient = incoming.From;
        reply.Conversation = incoming.Conversation;
        reply.ChannelId = incoming.ChannelId;
        reply.ServiceUrl = incoming.ServiceUrl;
        reply.ReplyToId = incoming.Id;
        return connector.PostAsync(incoming.ServiceUrl!, ConnectorHttp.ActivitiesPath(incoming.Conversation!.Id, incoming.Id), reply, cancellationToken);
    }
}

using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Pulse.Bot.Activities;

namespace Pulse.Bot.Connector;

/// <summary>
/// Sends a reply to the channel's connector: <c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>,
/// addressed back (from the bot's account in that channel to the sender) with the client-credentials token.
/// </summary>
public sealed class ConnectorReplies(IHttpClientFactory http, ConnectorTokenClient tokens, IOptions<ConnectorOptions> options)
{
    public async Task SendAsync(Activity incoming, Activity reply, CancellationToken cancellationToken)
    {
        reply.From = incoming.Recipient;
        reply.Recipient = incoming.From;
        reply.Conversation = incoming.Conversation;
        reply.ChannelId = incoming.ChannelId;
        reply.ServiceUrl = incoming.ServiceUrl;
        reply.ReplyToId = incoming.Id;
        var url = incoming.ServiceUrl!.TrimEnd('/') + "/v3/conversations/" + Uri.EscapeDataString(incoming.Conversation!.Id) + "/activities"
            + (incoming.Id is { Length: > 0 } id ? "/" + Uri.EscapeDataString(id) : "");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(BotJson.Serialize(reply), Encoding.UTF8, "application/json"),
        };
        if (options.Value.ValidateAuthentication)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        }
        using var response = await http.CreateClient(ConnectorSetup.ReplyClient).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

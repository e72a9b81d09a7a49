using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Pulse.Bot.Activities;

namespace Pulse.Bot.Connector;

/// <summary>
/// How every activity reaches a channel's connector, reply or notice: a POST with the client-credentials token. With
/// <see cref="ConnectorOptions.ValidateAuthentication"/> off (a local emulator) nothing the sender said was checked, so
/// it goes only to a loopback serviceUrl and without a token.
/// </summary>
public sealed class ConnectorHttp(IHttpClientFactory http, ConnectorTokenClient tokens, IOptions<ConnectorOptions> options)
{
    public async Task PostAsync(string serviceUrl, string path, Activity activity, CancellationToken cancellationToken)
    {
        var validate = options.Value.ValidateAuthentication;
        if (!validate && !IsLoopback(serviceUrl))
        {
            throw new InvalidOperationException("Without authentication the connector is only called on a loopback address.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, serviceUrl.TrimEnd('/') + path)
        {
            Content = new StringContent(BotJson.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        if (validate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        }
        using var response = await http.CreateClient(ConnectorSetup.ReplyClient).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary><c>/v3/conversations/{id}/activities</c>, and <c>/{replyToId}</c> when answering an activity.</summary>
    public static string ActivitiesPath(string conversationId, string? replyToId) =>
        "/v3/conversations/" + Uri.EscapeDataString(conversationId) + "/activities" + (replyToId is { Length: > 0 } id ? "/" + Uri.EscapeDataString(id) : "");

    public static bool IsLoopback(string? serviceUrl) => Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) && url.IsLoopback;
}

using Microsoft.AspNetCore.Routing;
using Pulse.Bot.Connector;
using Pulse.Bot.DirectLine;

namespace Pulse.Bot;

public static class BotEndpoints
{
    /// <summary>The chat bot: the Direct Line channel at <c>/v3/directline</c> and the Bot Connector endpoint at <c>/api/messages</c>.</summary>
    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder routes)
    {
        routes.MapDirectLine();
        routes.MapBotConnector();
        return routes;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Pulse.Bot.Connector;
using Pulse.Bot.Conversation;
using Pulse.Bot.DirectLine;
using Pulse.Bot.Proactive;

namespace Pulse.Bot;

public static class BotServices
{
    /// <summary>What <see cref="BotEndpoints.MapBot"/> needs: the channels, the conversation, the notice relay (alerts, review notices).</summary>
    public static IServiceCollection AddBot(this IServiceCollection services)
    {
        services.AddDirectLine();
        services.AddPulseConversation();
        services.AddProactiveNotices();
        services.AddBotConnector();
        return services;
    }
}

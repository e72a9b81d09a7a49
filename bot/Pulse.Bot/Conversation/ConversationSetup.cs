using Microsoft.Extensions.DependencyInjection;
using Pulse.Bot.Turns;

namespace Pulse.Bot.Conversation;

/// <summary>The bot's understanding and answers.</summary>
public static class ConversationSetup
{
    public static IServiceCollection AddPulseConversation(this IServiceCollection services)
    {
        services.AddSingleton<IBotTurnHandler, PulseBot>();
        return services;
    }
}

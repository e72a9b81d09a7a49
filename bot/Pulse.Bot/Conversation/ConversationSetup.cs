using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pulse.Bot.Conversation.Understanding;
using Pulse.Bot.Turns;

namespace Pulse.Bot.Conversation;

/// <summary>The bot's understanding and answers.</summary>
public static class ConversationSetup
{
    public static IServiceCollection AddPulseConversation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OrgIndexCache>();
        services.AddSingleton<IBotTurnHandler, PulseBot>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Pulse.Bot;

public static class BotServices
{
    /// <summary>What <see cref="BotEndpoints.MapBot"/> needs: the channels, the conversation, the alert relay.</summary>
    public static IServiceCollection AddBot(this IServiceCollection services)
    {
        return services;
    }
}

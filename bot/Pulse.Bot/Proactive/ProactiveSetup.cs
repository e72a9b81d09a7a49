using Microsoft.Extensions.DependencyInjection;

namespace Pulse.Bot.Proactive;

/// <summary>Alerts in chat: how they read, and the relay that posts them to open conversations.</summary>
public static class ProactiveSetup
{
    public static IServiceCollection AddProactiveAlerts(this IServiceCollection services)
    {
        services.AddSingleton<IAlertActivityFactory, AlertActivityFactory>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pulse.Bot.Proactive;

/// <summary>Alerts in chat: how they read, and the relay that posts them to open conversations.</summary>
public static class ProactiveSetup
{
    public static IServiceCollection AddProactiveAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertRelayOptions>().BindConfiguration(AlertRelayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAlertActivityFactory, AlertActivityFactory>();
        services.AddSingleton<AlertInbox>();
        services.AddSingleton<AlertRecipients>();
        services.AddSingleton<AlertRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertRelay>());
        services.AddHostedService<AlertFeedSubscription>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

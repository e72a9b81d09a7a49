using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pulse.Bot.Proactive;

/// <summary>Notices in chat (alerts, review notices): how they read, and the relay that posts them to open conversations.</summary>
public static class ProactiveSetup
{
    public static IServiceCollection AddProactiveNotices(this IServiceCollection services)
    {
        services.AddOptions<AlertRelayOptions>().BindConfiguration(AlertRelayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertActivityFactory>();
        services.AddSingleton<ReviewNoticeActivityFactory>();
        services.AddSingleton<INoticeActivityFactory, NoticeActivityFactory>();
        services.AddSingleton<NoticeInbox>();
        services.AddSingleton<NoticeRecipients>();
        services.AddSingleton<NoticeRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeRelay>());
        services.AddHostedService<NoticeFeedSubscription>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pulse.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// What the webhook grain needs: its options (bound from <see cref="WebhookOptions.Section"/> by the host, checked at
    /// start), the secrets' protector over the host's Data Protection key ring, and a named HTTP client with a short
    /// timeout that follows no redirects and keeps no cookies.
    /// </summary>
    public static IServiceCollection AddPulseWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.AddDataProtection();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        return services;
    }
}

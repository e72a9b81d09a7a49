using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pulse.Payroll;

public static class PayrollServiceCollectionExtensions
{
    /// <summary>
    /// What the payroll grains need: their options (bound from <see cref="PayrollOptions.Section"/> by the host, checked
    /// at start), the secrets' protector over the host's Data Protection key ring, and a named HTTP client with a
    /// bounded timeout that follows no redirects and keeps no cookies.
    /// </summary>
    public static IServiceCollection AddPulsePayroll(this IServiceCollection services)
    {
        services.AddOptions<PayrollOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PayrollOptions>, PayrollOptionsValidator>());
        services.AddDataProtection();
        services.AddSingleton<PayrollSecrets>();
        services.AddSingleton<PayrollSender>();
        services.AddHttpClient(PayrollSender.ClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<PayrollOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        return services;
    }
}

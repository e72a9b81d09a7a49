using Microsoft.Extensions.DependencyInjection;
using Pulse.WebDashboard.App;
using Pulse.WebDashboard.Hub;

namespace Pulse.WebDashboard;

public static class DashboardServices
{
    /// <summary>What <see cref="DashboardEndpoints.MapDashboard"/> needs: SignalR, the broadcaster and the app's files.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddDashboardHub();
        services.AddDashboardApp();
        return services;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Pulse.WebDashboard.App;
using Pulse.WebDashboard.Hub;

namespace Pulse.WebDashboard;

public static class DashboardEndpoints
{
    /// <summary>The live dashboard: its hub at <c>/hubs/dashboard</c> and the single-page app at <c>/</c>.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapDashboardHub();
        routes.MapDashboardApp();
        return routes;
    }
}

using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pulse.WebDashboard.App;

/// <summary>The built single-page app, served at the site's root.</summary>
public static class DashboardAppSetup
{
    public static IServiceCollection AddDashboardApp(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapDashboardApp(this IEndpointRouteBuilder routes) => routes;
}

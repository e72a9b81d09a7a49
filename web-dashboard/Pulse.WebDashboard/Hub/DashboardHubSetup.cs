using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pulse.WebDashboard.Hub;

/// <summary>The hub and its broadcaster.</summary>
public static class DashboardHubSetup
{
    public static IServiceCollection AddDashboardHub(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapDashboardHub(this IEndpointRouteBuilder routes) => routes;
}

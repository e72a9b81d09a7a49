using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pulse.WebDashboard.Hub;

/// <summary>The hub and its broadcaster.</summary>
public static class DashboardHubSetup
{
    public const string Path = "/hubs/dashboard";

    public static IServiceCollection AddDashboardHub(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR().AddJsonProtocol(o =>
        {
            // The API's conventions: camelCase, enums as camelCase strings.
            o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        services.AddSingleton<DashboardGroups>();
        services.AddSingleton<DashboardBroadcaster>();
        services.AddHostedService<LiveFeedSubscription>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// The hub at <c>/hubs/dashboard</c>, for authenticated callers (the host's default scheme and policy: the API's
    /// cookie or bearer token) from this site's own pages.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboardHub(this IEndpointRouteBuilder routes)
    {
        routes.MapHub<DashboardHub>(Path, o => o.CloseOnAuthenticationExpiration = true)
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext http && SameOrigin.Allows(http.Request)));
        return routes;
    }
}

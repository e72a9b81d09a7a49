using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Pulse.Bot.Connector;

/// <summary>The Bot Connector endpoint (<c>POST /api/messages</c>), for Azure Bot Service and Teams; off unless configured.</summary>
public static class ConnectorSetup
{
    public const string Path = "/api/messages";
    public const string MetadataClient = "Pulse.Bot.Connector.Metadata";
    public const string TokenClient = "Pulse.Bot.Connector.Token";
    public const string ReplyClient = "Pulse.Bot.Connector.Replies";

    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        foreach (var name in new[] { MetadataClient, TokenClient, ReplyClient })
        {
            services.AddHttpClient(name, c => c.Timeout = TimeSpan.FromSeconds(15));
        }
        services.AddSingleton<ConnectorAuthenticator>();
        services.AddSingleton<ConnectorTokenClient>();
        services.AddSingleton<ConnectorHttp>();
        services.AddSingleton<ConnectorReplies>();
        services.AddSingleton<ConnectorNotices>();
        services.AddSingleton<ConnectorInbox>();
        services.AddSingleton<ChatIdentities>();
        services.AddHostedService<ConnectorTurns>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> when <c>Pulse:Bot:Connector:AppId</c> is set. The connector authenticates with its own token, not Pulse's.</summary>
    public static IEndpointRouteBuilder MapBotConnector(this IEndpointRouteBuilder routes)
    {
        if (!routes.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value.Enabled) return routes;
        routes.MapPost(Path, ConnectorEndpoint.HandleAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return routes;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Pulse.Bot.DirectLine;

/// <summary>The Direct Line 3.0 channel that Web Chat talks to, at <see cref="Path"/>.</summary>
public static class DirectLineSetup
{
    public const string Path = "/v3/directline";

    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The host's key ring (shared by every silo) protects the tokens; a host that configured none gets the default.
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<ConversationAccess>();
        services.AddSingleton<ConversationStarter>();
        services.AddSingleton<TurnLanes>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<DirectLineStreams>();
        services.AddHostedService<DirectLineStreamRenewal>();
        return services;
    }

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Path).AddEndpointFilter(static (context, next) =>
        {
            // Tokens and transcripts: never cached on the way.
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return next(context);
        });

        // Token vending is for the site's signed-in users (its cookie or bearer token, from its own pages); every other
        // call carries a Direct Line token instead, which the handlers check.
        group.MapPost("/tokens/generate", TokenEndpoints.GenerateAsync)
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireAssertion(c => c.Resource is HttpContext http && SameOriginCheck.Allows(http.Request)));
        group.MapPost("/tokens/refresh", TokenEndpoints.RefreshAsync).AllowAnonymous();
        group.MapPost("/conversations", ConversationEndpoints.StartAsync).AllowAnonymous();
        group.MapGet("/conversations/{conversationId}", ConversationEndpoints.ReconnectAsync).AllowAnonymous();
        group.MapGet("/conversations/{conversationId}/activities", ActivityEndpoints.ReadAsync).AllowAnonymous();
        group.MapPost("/conversations/{conversationId}/activities", ActivityEndpoints.SendAsync).AllowAnonymous();

        // The stream runs behind the WebSocket middleware of its own small pipeline, as SignalR's endpoints do.
        var stream = routes.CreateApplicationBuilder();
        stream.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        stream.Run(StreamEndpoint.HandleAsync);
        routes.MapGet(Path + "/conversations/{conversationId}/stream", stream.Build()).AllowAnonymous();
        return routes;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Pulse.WebDashboard.App;

/// <summary>
/// The built single-page app, served at the site's root: hashed assets under <c>/assets/</c> and the Web Chat bundle
/// under <c>/lib/</c> (its name holds its hash too) cached for a year, <c>index.html</c> at <c>/</c> and for any other
/// page address (the app routes itself, <c>/chat</c> included), always revalidated. Addresses of the API, the hubs,
/// the Direct Line channel and the OpenAPI document are never answered with the app.
/// </summary>
public static class DashboardAppSetup
{
    // Any GET address but the server's own areas and file names (a missing asset is a 404, not the app).
    private const string AppRoute = "{**path:regex(^(?!(api|hubs|openapi|v3)(/|$))[^.]*$)}";

    public static IServiceCollection AddDashboardApp(this IServiceCollection services)
    {
        services.AddSingleton<DashboardFiles>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboardApp(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/assets/{**file}", ["GET", "HEAD"], (string file, DashboardFiles files, HttpContext http) => Serve(files, "assets/" + file, http, immutable: true))
            .AllowAnonymous().ExcludeFromDescription();
        routes.MapMethods("/lib/{**file}", ["GET", "HEAD"], (string file, DashboardFiles files, HttpContext http) => Serve(files, "lib/" + file, http, immutable: true))
            .AllowAnonymous().ExcludeFromDescription();
        routes.MapMethods("/", ["GET", "HEAD"], (DashboardFiles files, HttpContext http) => Serve(files, "index.html", http, immutable: false))
            .AllowAnonymous().ExcludeFromDescription();
        routes.MapMethods(AppRoute, ["GET", "HEAD"], (DashboardFiles files, HttpContext http) => Serve(files, "index.html", http, immutable: false))
            .AllowAnonymous().ExcludeFromDescription().WithOrder(int.MaxValue);
        return routes;
    }

    private static IResult Serve(DashboardFiles files, string path, HttpContext http, bool immutable)
    {
        if (path.Contains("..", StringComparison.Ordinal) || files.Find(path) is not { } file) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
        var etag = new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\"");
        return TypedResults.Stream(file.CreateReadStream(), files.ContentType(path), lastModified: file.LastModified, entityTag: etag);
    }
}

using Microsoft.AspNetCore.Http;

namespace Pulse.WebDashboard.Hub;

/// <summary>
/// Refuses cross-site WebSocket hijacking: a browser sends <c>Origin</c> on WebSocket upgrades and on the negotiate
/// POST, and a page of another site must not open a connection carrying this site's cookie. A request without
/// <c>Origin</c> comes from a non-browser client, which carries its own credential.
/// </summary>
public static class SameOrigin
{
    public static bool Allows(HttpRequest request)
    {
        var origins = request.Headers.Origin;
        if (origins.Count == 0) return true;
        if (origins.Count > 1) return false;
        return Uri.TryCreate(origins[0], UriKind.Absolute, out var origin)
            && (origin.Scheme == Uri.UriSchemeHttp || origin.Scheme == Uri.UriSchemeHttps)
            && string.Equals(origin.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}

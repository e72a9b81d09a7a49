using Microsoft.AspNetCore.Http;

namespace Pulse.Bot.DirectLine;

/// <summary>
/// Token vending answers only this site's own pages when the credential is the browser's cookie: a page of another
/// site must not get a token for the signed-in user. A request without <c>Origin</c> is from a non-browser client,
/// which carries its own credential. (The dashboard hub checks the same.)
/// </summary>
public static class SameOriginCheck
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

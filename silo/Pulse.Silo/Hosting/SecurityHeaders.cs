namespace Pulse.Silo.Hosting;

/// <summary>
/// Headers every answer carries: no content sniffing, no referrer leaking ids in URLs, no framing; API answers (tokens,
/// scores, personal data) are never cached; HTML pages get a content security policy. Set when the answer starts, so
/// problem documents and error pages carry them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // The API reference page configures itself with an inline script and styles; everything else comes from this site.
    public const string HtmlPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    // The dashboard app and its chat run only script files from this site (no inline script, no eval). Styles: the
    // app's stylesheet is a file; its charts and Web Chat set style attributes (style-src-attr 'unsafe-inline'); Web
    // Chat's CSS-in-JS (emotion) adds empty <style> elements and fills them through the CSSOM (insertRule), so the one
    // inline element allowed is the empty one (the hash of ""): an injected <style> with content is refused, with no
    // per-request nonce. style-src is the fallback of browsers without the -elem/-attr directives. img-src blob: is
    // for Web Chat's images made from data in the page. connect-src 'self' also covers the hub's and the Direct Line
    // stream's WebSockets on the same host and port (ws/wss to self, CSP Level 3).
    public const string AppPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "style-src-elem 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; style-src-attr 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (http.Request.Path.StartsWithSegments("/api/v1") || http.Request.Path.StartsWithSegments("/hubs"))
                headers.CacheControl = "no-store";
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api") ? HtmlPolicy : AppPolicy;
            headers.Remove("Server");
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}

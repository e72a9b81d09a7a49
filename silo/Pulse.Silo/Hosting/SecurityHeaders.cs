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

    // The dashboard app runs only its own script files (no inline script); its charts set inline styles. connect-src
    // 'self' also covers the hub's WebSocket on the same host and port.
    public const string AppPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

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

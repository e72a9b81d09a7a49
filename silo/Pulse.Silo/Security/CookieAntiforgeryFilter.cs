using Microsoft.AspNetCore.Antiforgery;

namespace Pulse.Silo.Security;

/// <summary>
/// A browser sends its cookie with any request, even one a hostile page makes; so a change made with the cookie
/// must also carry the anti-forgery token from <c>GET /api/v1/auth/antiforgery</c> in the <c>X-XSRF-TOKEN</c>
/// header. Bearer tokens and API keys are never sent by a browser on its own and need none.
/// </summary>
public sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // The identity remembers how it was issued; the ticket's scheme name is the policy scheme's.
        var byCookie = http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AuthSchemes.Cookie);
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (byCookie && unsafeMethod && !await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(
                detail: "A change made with the sign-in cookie needs the X-XSRF-TOKEN header from GET /api/v1/auth/antiforgery.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Missing or invalid anti-forgery token.");
        }
        return await next(context);
    }
}

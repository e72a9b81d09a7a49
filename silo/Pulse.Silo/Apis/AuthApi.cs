using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Security;
using Pulse.Services;
using Pulse.Silo.Hosting;
using Pulse.Silo.Problems;
using Pulse.Silo.Security;
using Pulse.Silo.Tenancy;
using Pulse.Audit;

namespace Pulse.Silo.Apis;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/auth").WithTags("Sign-in");
        group.MapPost("/sign-in", SignInAsync).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInLimit)
            .WithSummary("Sign in with a user name and password")
            .WithDescription("useCookie=true sets an HttpOnly cookie for the dashboard (changes then need the X-XSRF-TOKEN header from /auth/antiforgery); otherwise the answer carries a bearer token for API clients. Five wrong passwords in a row lock the account for 15 minutes.");
        group.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInLimit)
            .WithSummary("Trade a refresh token for a new bearer token")
            .WithDescription("The account is read again, so changed roles apply and a disabled account gets no new token.");
        group.MapPost("/sign-out", async (HttpContext http) => { await http.SignOutAsync(AuthSchemes.Cookie); return TypedResults.NoContent(); })
            .RequirePermission(Permission.Self).WithSummary("Sign out (ends the cookie session)");
        group.MapGet("/me", Me).RequirePermission(Permission.Self).WithSummary("Who the credential belongs to");
        group.MapPost("/password", ChangePasswordAsync).RequirePermission(Permission.Self).WithSummary("Change one's own password");
        group.MapGet("/sso", SingleSignOn).AllowAnonymous()
            .WithSummary("Sign in through the company's OpenID Connect provider (when configured)")
            .WithDescription("Redirects to the provider; on return, the Pulse account with the same user name is signed in with a cookie.");
        group.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName!, tokens.RequestToken!));
            })
            .AllowAnonymous().WithSummary("An anti-forgery token for cookie-authenticated changes");
        return group;
    }

    private static async Task<Results<SignInHttpResult, NoContent, ValidationProblem, ProblemHttpResult>> SignInAsync(SignInRequest request, HttpContext http, IGrainFactory grains)
    {
        if (!Identifiers.IsTenantId(request.TenantId)) return Problem.Invalid("tenantId", Identifiers.TenantRule);
        var outcome = await grains.GetGrain<IAccessGrain>(request.TenantId).SignInAsync(request.UserName ?? "", request.Password ?? "");
        // A locked account answers exactly like a wrong password or an unknown name: the answer must not tell who exists.
        if (outcome.Status != SignInStatus.Succeeded || outcome.User is null)
            return TypedResults.Problem(
                detail: "Wrong tenant, user name or password, or an account locked after too many wrong passwords (try again in 15 minutes or ask an admin).",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Not signed in.");

        if (request.UseCookie)
        {
            await http.SignInAsync(AuthSchemes.Cookie, PulseClaims.ForUser(request.TenantId, outcome.User, AuthSchemes.Cookie));
            return TypedResults.NoContent();
        }
        return TypedResults.SignIn(PulseClaims.ForUser(request.TenantId, outcome.User, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearer, IGrainFactory grains, TimeProvider clock)
    {
        var ticket = bearer.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        var expired = ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires;
        var caller = ticket is null || expired ? null : PulseClaims.ToCaller(ticket.Principal);
        var user = caller is { Kind: CallerKind.User } ? await grains.GetGrain<IAccessGrain>(caller.TenantId).GetUserAsync(caller.Name) : null;
        if (caller is null || user is null || user.Disabled)
            return TypedResults.Problem(detail: "The refresh token is not valid any more; sign in again.", statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in.");
        return TypedResults.SignIn(PulseClaims.ForUser(caller.TenantId, user, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static Results<ChallengeHttpResult, ProblemHttpResult> SingleSignOn(string? returnUrl, IOptions<OidcOptions> oidc)
    {
        if (!oidc.Value.Enabled) return Problem.NotFound("Single sign-on is not configured for this installation.");
        // Only local return addresses: an open redirect would let a link send people anywhere after sign-in.
        var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = target }, [OidcOptions.Scheme]);
    }

    /// <summary>The caller as their account is now: roles, linked employee and managed departments as they are, not as the token froze them.</summary>
    private static Ok<Me> Me(PulseRequest request)
    {
        var caller = request.Caller;
        string[] managed = caller.Has(Role.Manager) && caller.EmployeeId is { } id ? [.. request.Rules.ManagedDepartments(id).Order(StringComparer.Ordinal)] : [];
        var names = managed.Select(request.Rules.FindDepartment).OfType<Department>().ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal);
        return TypedResults.Ok(new Me(caller.TenantId, caller.Name, caller.Kind, caller.Roles, caller.EmployeeId, caller.Scopes, managed, names));
    }

    private static async Task<Results<NoContent, ValidationProblem>> ChangePasswordAsync(PasswordChange change, PulseRequest request, IGrainFactory grains, AuditTrail audit)
    {
        var caller = request.Caller;
        var result = await grains.GetGrain<IAccessGrain>(caller.TenantId).ChangePasswordAsync(caller.Name, change.CurrentPassword, change.NewPassword);
        if (!result.Applied) return Problem.Invalid(result.Errors);
        await audit.RecordAsync(caller, "user.password-change", caller.Name, null, null);
        return TypedResults.NoContent();
    }
}

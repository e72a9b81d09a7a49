using Pulse.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Pulse.Grains;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Security;

/// <summary>Adds OpenID Connect sign-in when configured; the provider vouches for the person, Pulse's own account decides what they may do.</summary>
public static class OidcSetup
{
    public static AuthenticationBuilder AddPulseOidc(this AuthenticationBuilder builder, OidcOptions oidc)
    {
        if (!oidc.Enabled) return builder;
        return builder.AddOpenIdConnect(OidcOptions.Scheme, o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.SignInScheme = AuthSchemes.Cookie;
            o.CallbackPath = "/api/v1/auth/sso/callback";
            o.Scope.Add("profile");
            o.Scope.Add("email");
            if (oidc.AuthorizationEndpoint is not null)
            {
                o.Configuration = new OpenIdConnectConfiguration { AuthorizationEndpoint = oidc.AuthorizationEndpoint, Issuer = oidc.Authority };
            }
            o.Events.OnTokenValidated = async context =>
            {
                var userName = context.Principal?.FindFirst(oidc.UserNameClaim)?.Value?.ToLowerInvariant();
                var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
                var user = userName is null ? null : await grains.GetGrain<IAccessGrain>(oidc.TenantId!).GetUserAsync(userName);
                if (user is null || user.Disabled)
                {
                    context.Fail("No active Pulse account for this person.");
                    return;
                }
                context.Principal = PulseClaims.ForUser(oidc.TenantId!, user, AuthSchemes.Cookie);
            };
        });
    }
}

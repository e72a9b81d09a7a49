using Pulse.Security;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Pulse.Silo.Security;

namespace Pulse.Silo.Hosting;

/// <summary>
/// Who is calling and how much they may call: cookies for the dashboard, bearer tokens for API clients, API keys for
/// business systems; permissions decided by one policy; rate limits per credential.
/// </summary>
public static class AuthSetup
{
    public const string SignInLimit = "sign-in";
    public const long MaxBodyBytes = 1024 * 1024;
    public const long MaxEventsBodyBytes = 32 * 1024 * 1024;

    public static WebApplicationBuilder AddPulseAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PulseOptions.Section).Get<PulseOptions>() ?? new PulseOptions();
        var dataDirectory = Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath);
        var oidc = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();

        // Cookies and bearer tokens are protected with these keys; kept with the data so sign-ins survive restarts.
        var keys = Path.Combine(dataDirectory, "keys");
        KeyRingFolder.Prepare(keys);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Pulse").PersistKeysToFileSystem(new DirectoryInfo(keys));
        if (OperatingSystem.IsWindows())
        {
            dataProtection.ProtectKeysWithDpapi();
        }
        else
        {
            // Its warning that the keys are stored unencrypted is answered by the folder's permissions (KeyRingFolder),
            // which say so at information level instead; its errors still show.
            builder.Logging.AddFilter(KeyRingFolder.KeyManagerCategory, LogLevel.Error);
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<KeyRingFolder>(sp, keys));
        }

        builder.Services.AddAuthentication(AuthSchemes.Pulse)
            .AddPolicyScheme(AuthSchemes.Pulse, "API key, bearer token or cookie", o => o.ForwardDefaultSelector = SelectScheme)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = "pulse";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers with a status, not a redirect to a login page.
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyAuthenticationHandler>(AuthSchemes.Operator, null)
            .AddPulseOidc(oidc);
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(oidc));

        // Small bodies everywhere; the ingestion endpoint raises its own limit for batches of events.
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.AddServerHeader = false; // names no server software to a prober
            k.ConfigureEndpointDefaults(Problems.ServerRefusalPipe.Use); // Kestrel's own refusals become problem documents too
        });

        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-XSRF-TOKEN";
            o.Cookie.Name = "pulse-xsrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddSingleton<AccountCache>();
        builder.Services.AddSingleton<ApiKeyUsage>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsage>());
        builder.Services.AddSingleton<CookieAntiforgeryFilter>();

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(
                PartitionKey(http),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RequestsPerSecond * 2,
                    TokensPerPeriod = options.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
            o.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    detail: "Too many requests; slow down and retry later.",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests.").ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication UsePulseAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static string SelectScheme(HttpContext http)
    {
        if (http.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader)) return AuthSchemes.ApiKey;
        var authorization = http.Request.Headers.Authorization.FirstOrDefault();
        if (authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true) return BearerTokenDefaults.AuthenticationScheme;
        return AuthSchemes.Cookie;
    }

    // One bucket per API key or user; anonymous callers share one per address. Runs after authentication.
    private static string PartitionKey(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? $"{http.User.FindFirst(PulseClaims.Tenant)?.Value}/{http.User.Identity.Name}"
            : $"ip:{http.Connection.RemoteIpAddress}";
}

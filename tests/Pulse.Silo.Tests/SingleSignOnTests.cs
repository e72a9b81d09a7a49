using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Pulse.Silo.Tests.Infrastructure;

namespace Pulse.Silo.Tests;

public sealed class SingleSignOnTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_configuration_single_sign_on_is_not_offered()
    {
        var http = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Expect.StatusAsync(await http.GetAsync("/api/v1/auth/sso", Cancel), 404);
    }

    [Fact]
    public async Task When_configured_sign_in_goes_to_the_provider_with_pkce_and_comes_back_only_locally()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-tests", Guid.NewGuid().ToString("N"));
        await using var app = new PulseApp(directory, new Dictionary<string, string>
        {
            ["Pulse:Oidc:Authority"] = "https://idp.example.test",
            ["Pulse:Oidc:ClientId"] = "pulse-dashboard",
            ["Pulse:Oidc:TenantId"] = "acme",
            ["Pulse:Oidc:AuthorizationEndpoint"] = "https://idp.example.test/authorize",
        });
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await http.GetAsync("/api/v1/auth/sso?returnUrl=//evil.example/", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("https://idp.example.test/authorize?", location);
        Assert.Contains("client_id=pulse-dashboard", location);
        Assert.Contains("code_challenge=", location);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fapi%2Fv1%2Fauth%2Fsso%2Fcallback", location);
        Assert.DoesNotContain("evil.example", location);
    }
}

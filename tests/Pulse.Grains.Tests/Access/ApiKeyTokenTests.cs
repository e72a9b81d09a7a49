using Pulse.Security;

namespace Pulse.Tests.Access;

public sealed class ApiKeyTokenTests
{
    [Fact]
    public void A_formatted_token_parses_back_into_its_parts()
    {
        var keyId = ApiKeyToken.NewKeyId();
        var secret = ApiKeyToken.NewSecret();

        Assert.True(ApiKeyToken.TryParse(ApiKeyToken.Format("acme", keyId, secret), out var tenantId, out var parsedKeyId, out var parsedSecret));

        Assert.Equal(("acme", keyId, secret), (tenantId, parsedKeyId, parsedSecret));
        Assert.Matches("^[0-9a-f]{12}$", keyId);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pulse.acme.0123456789ab")]
    [InlineData("other.acme.0123456789ab.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pulse.Acme.0123456789ab.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pulse.acme.0123456789AB.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pulse.acme.0123456789ab.AAAA")]
    [InlineData("pulse.acme.0123456789ab.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pulse.acme.0123456789ab.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.x")]
    public void Anything_not_shaped_like_a_token_does_not_parse(string? token)
    {
        Assert.False(ApiKeyToken.TryParse(token, out var tenantId, out var keyId, out var secret));
        Assert.Equal(("", "", ""), (tenantId, keyId, secret));
    }

    [Fact]
    public void Only_the_right_secret_of_an_unrevoked_key_matches()
    {
        var secret = ApiKeyToken.NewSecret();
        var credential = new ApiKeyCredential("0123456789ab", ApiKeyToken.HashSecret(secret), [ApiKeyScopes.EventsWrite], Revoked: false);

        Assert.True(ApiKeyToken.Matches(credential, secret));
        Assert.False(ApiKeyToken.Matches(credential, ApiKeyToken.NewSecret()));
        Assert.False(ApiKeyToken.Matches(credential, ""));
        Assert.False(ApiKeyToken.Matches(credential with { Revoked = true }, secret));
    }
}

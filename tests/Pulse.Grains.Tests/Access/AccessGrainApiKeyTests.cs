using Pulse.Grains;
using Pulse.Security;
using Pulse.Tests.Grains;
using Pulse.Tests.Infrastructure;

namespace Pulse.Tests.Access;

[Collection(ClusterCollection.Name)]
public sealed class AccessGrainApiKeyTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task An_issued_token_parses_and_matches_its_stored_credential()
    {
        var (tenantId, access) = await AccessTestTenant.CreateAsync(Grains);

        var issued = await access.CreateApiKeyAsync("loan system", [ApiKeyScopes.EventsWrite, ApiKeyScopes.EventsWrite], "admin");

        Assert.True(ApiKeyToken.TryParse(issued.Token, out var parsedTenant, out var keyId, out var secret));
        Assert.Equal((tenantId, issued.Key.KeyId), (parsedTenant, keyId));
        var credential = await access.GetApiKeyCredentialAsync(keyId);
        Assert.NotNull(credential);
        Assert.Equal([ApiKeyScopes.EventsWrite], credential.Scopes);
        Assert.False(credential.Revoked);
        Assert.True(ApiKeyToken.Matches(credential, secret));
        Assert.False(ApiKeyToken.Matches(credential, ApiKeyToken.NewSecret()));
        Assert.Equal(("loan system", "admin", null), (issued.Key.Name, issued.Key.CreatedBy, issued.Key.RevokedAt));
        var listed = Assert.Single(await access.ListApiKeysAsync());
        Assert.Equal(issued.Key with { Scopes = [] }, listed with { Scopes = [] });
        Assert.Equal(issued.Key.Scopes, listed.Scopes);
    }

    [Fact]
    public async Task A_revoked_key_no_longer_matches_and_revoking_again_changes_nothing()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        var issued = await access.CreateApiKeyAsync("crm", [ApiKeyScopes.EventsWrite], "admin");
        Assert.True(ApiKeyToken.TryParse(issued.Token, out _, out var keyId, out var secret));

        Assert.True(await access.RevokeApiKeyAsync(keyId));
        var revokedAt = Assert.Single(await access.ListApiKeysAsync()).RevokedAt;
        Assert.True(await access.RevokeApiKeyAsync(keyId));
        Assert.False(await access.RevokeApiKeyAsync("000000000000"));

        var credential = await access.GetApiKeyCredentialAsync(keyId);
        Assert.True(credential!.Revoked);
        Assert.False(ApiKeyToken.Matches(credential, secret));
        Assert.NotNull(revokedAt);
        Assert.Equal(revokedAt, Assert.Single(await access.ListApiKeysAsync()).RevokedAt);
    }

    [Fact]
    public async Task Keys_of_one_tenant_are_invisible_to_another()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        var (_, other) = await AccessTestTenant.CreateAsync(Grains);
        var issued = await access.CreateApiKeyAsync("crm", [ApiKeyScopes.EventsWrite], "admin");

        Assert.Empty(await other.ListApiKeysAsync());
        Assert.Null(await other.GetApiKeyCredentialAsync(issued.Key.KeyId));
        Assert.False(await other.RevokeApiKeyAsync(issued.Key.KeyId));
        Assert.False((await access.GetApiKeyCredentialAsync(issued.Key.KeyId))!.Revoked);
    }

    [Theory]
    [InlineData("", ApiKeyScopes.EventsWrite)]
    [InlineData("crm", "events:delete")]
    [InlineData("crm", null)]
    public async Task A_bad_name_or_scope_is_a_caller_error(string name, string? scope)
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);

        await Assert.ThrowsAsync<ArgumentException>(() => access.CreateApiKeyAsync(name, scope is null ? [] : [scope], "admin"));
        await Assert.ThrowsAsync<ArgumentException>(() => access.CreateApiKeyAsync(new string('k', 65), [ApiKeyScopes.EventsWrite], "admin"));
        Assert.Empty(await access.ListApiKeysAsync());
    }

    [Fact]
    public async Task Recorded_use_moves_last_used_forward_only()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        var issued = await access.CreateApiKeyAsync("crm", [ApiKeyScopes.EventsWrite], "admin");
        var witness = await access.CreateApiKeyAsync("witness", [ApiKeyScopes.EventsWrite], "admin");
        var keyId = issued.Key.KeyId;
        var used = DateTimeOffset.UtcNow.AddSeconds(-10);

        await access.RecordKeyUseAsync(new() { [keyId] = used, ["000000000000"] = used });
        var first = await LastUsedAsync(access, keyId, until: at => at is not null);

        // The call is one-way: the witness key's use rides in the same call, so once it shows the call has been applied.
        await access.RecordKeyUseAsync(new() { [keyId] = used.AddSeconds(-5), [witness.Key.KeyId] = used });
        await LastUsedAsync(access, witness.Key.KeyId, until: at => at is not null);
        var second = await LastUsedAsync(access, keyId, until: _ => true);

        Assert.Null(issued.Key.LastUsedAt);
        Assert.Equal(used, first);
        Assert.Equal(used, second);
    }

    private static Task<DateTimeOffset?> LastUsedAsync(IAccessGrain access, string keyId, Func<DateTimeOffset?, bool> until) =>
        Eventually.ReadAsync(
            async () => Assert.Single(await access.ListApiKeysAsync(), k => k.KeyId == keyId).LastUsedAt,
            until,
            cancellationToken: TestContext.Current.CancellationToken);
}

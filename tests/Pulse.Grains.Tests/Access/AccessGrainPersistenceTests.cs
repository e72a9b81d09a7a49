using Orleans.Core.Internal;
using Pulse.Grains;
using Pulse.Security;
using Pulse.Tests.Grains;

namespace Pulse.Tests.Access;

[Collection(ClusterCollection.Name)]
public sealed class AccessGrainPersistenceTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task Accounts_lockouts_and_keys_survive_reactivation()
    {
        var (_, access) = await AccessTestTenant.CreateAsync(Grains);
        await AccessTestTenant.CreateUserAsync(access, "e1", Role.Employee, "E001");
        await AccessTestTenant.CreateUserAsync(access, "hr1");
        for (var i = 0; i < LockoutPolicy.MaxFailures; i++) await access.SignInAsync("hr1", "wrong password");
        var issued = await access.CreateApiKeyAsync("crm", [ApiKeyScopes.EventsWrite, ApiKeyScopes.OrganisationRead], "hr1");
        Assert.True(ApiKeyToken.TryParse(issued.Token, out _, out var keyId, out var secret));
        var lockedUntil = (await access.GetUserAsync("hr1"))!.LockedUntil;

        await access.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        Assert.Equal(SignInStatus.Succeeded, (await access.SignInAsync("e1", AccessTestTenant.Password)).Status);
        var locked = await access.SignInAsync("hr1", AccessTestTenant.Password);
        Assert.Equal((SignInStatus.LockedOut, lockedUntil), (locked.Status, locked.LockedUntil));
        var credential = await access.GetApiKeyCredentialAsync(keyId);
        Assert.True(ApiKeyToken.Matches(credential!, secret));
        Assert.Equal([ApiKeyScopes.EventsWrite, ApiKeyScopes.OrganisationRead], credential!.Scopes.Order(StringComparer.Ordinal));
    }
}

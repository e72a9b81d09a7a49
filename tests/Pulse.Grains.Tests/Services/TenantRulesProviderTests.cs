using Microsoft.Extensions.Time.Testing;
using Pulse.Grains;
using Pulse.Organisation;
using Pulse.Services;
using Pulse.Tests.Grains;

namespace Pulse.Grains.Tests.Services;

[Collection(ClusterCollection.Name)]
public sealed class TenantRulesProviderTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task A_change_made_elsewhere_is_seen_once_the_copy_is_max_age_old_and_at_once_by_a_caller_who_knows_the_version()
    {
        var clock = new FakeTimeProvider();
        using var provider = new TenantRulesProvider(Grains, clock);
        var tenantId = await TestCompany.CreateAsync(Grains, employees: 1);
        var before = (await provider.GetAsync(tenantId))!;

        var change = await Grains.GetGrain<ITenantGrain>(tenantId).PutEmployeesAsync([new Employee("E002", "员工2", "biz")]);
        Assert.True(change.Applied);

        clock.Advance(TenantRulesProvider.MaxAge - TimeSpan.FromTicks(1));
        Assert.Same(before, await provider.GetAsync(tenantId));
        var known = (await provider.GetAsync(tenantId, minVersion: before.Version + 1))!;
        Assert.True(known.Version > before.Version);

        using var other = new TenantRulesProvider(Grains, clock);
        var seenElsewhere = await other.GetAsync(tenantId);
        await Grains.GetGrain<ITenantGrain>(tenantId).PutEmployeesAsync([new Employee("E003", "员工3", "biz")]);
        clock.Advance(TenantRulesProvider.MaxAge);
        Assert.True((await other.GetAsync(tenantId))!.Version > seenElsewhere!.Version);
    }

    [Fact]
    public async Task An_unchanged_version_is_not_compiled_again_when_the_copy_is_refreshed()
    {
        var clock = new FakeTimeProvider();
        using var provider = new TenantRulesProvider(Grains, clock);
        var tenantId = await TestCompany.CreateAsync(Grains, employees: 1);
        var first = await provider.GetAsync(tenantId);

        clock.Advance(TenantRulesProvider.MaxAge * 5);

        Assert.Same(first, await provider.GetAsync(tenantId));
    }

    [Fact]
    public async Task A_tenant_unread_for_the_idle_time_is_dropped()
    {
        var clock = new FakeTimeProvider();
        using var provider = new TenantRulesProvider(Grains, clock);
        var tenantId = await TestCompany.CreateAsync(Grains, employees: 1);
        var first = await provider.GetAsync(tenantId);

        clock.Advance(TenantRulesProvider.IdleTime);

        Assert.NotSame(first, await provider.GetAsync(tenantId));
    }

    [Fact]
    public async Task An_unknown_tenant_answers_null()
    {
        using var provider = new TenantRulesProvider(Grains, new FakeTimeProvider());

        Assert.Null(await provider.GetAsync("nobody-" + Guid.NewGuid().ToString("N")[..8]));
    }
}

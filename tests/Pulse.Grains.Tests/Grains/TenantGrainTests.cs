using Pulse.Grains;
using Pulse.Grains.Tests.Scoring;
using Pulse.Organisation;

namespace Pulse.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class TenantGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task A_refused_import_changes_nothing_and_an_applied_one_moves_the_version()
    {
        var tenantId = await TestCompany.CreateAsync(Grains);
        var tenant = Grains.GetGrain<ITenantGrain>(tenantId);
        var before = await tenant.GetRulesAsync();

        var refused = await tenant.ImportAsync(new OrganisationDocument(
            Employees: [new Employee("E100", "新人", "biz"), new Employee("E101", "无部门", "ghost")]));
        var unchanged = await tenant.GetRulesAsync();

        Assert.False(refused.Applied);
        Assert.Equal("employees[1].departmentId", Assert.Single(refused.Errors).Item);
        Assert.Equal(before!.Version, unchanged!.Version);
        Assert.DoesNotContain(unchanged.Employees, e => e.Id == "E100");

        var applied = await tenant.PutEmployeesAsync([new Employee("E100", "新人", "biz")]);
        Assert.True(applied.Applied);
        Assert.Equal(before.Version + 1, applied.Version);
    }

    [Fact]
    public async Task Publishing_a_template_numbers_the_version_and_names_the_affected_employees()
    {
        var tenantId = await TestCompany.CreateAsync(Grains, employees: 3);
        var tenant = Grains.GetGrain<ITenantGrain>(tenantId);

        var published = await tenant.PublishTemplateAsync(SeedTemplates.Business);
        var rules = await tenant.GetRulesAsync();

        Assert.True(published.Applied);
        Assert.Equal(["E001", "E002", "E003"], published.AffectedEmployees.Order());
        Assert.Equal([1, 2], rules!.Templates.Where(t => t.Id == "business").Select(t => t.Version));
        Assert.All(rules.Templates, t => Assert.NotNull(t.EffectiveFrom));
    }
}

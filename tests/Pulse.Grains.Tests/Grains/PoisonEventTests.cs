using Orleans.Core.Internal;
using Pulse.Grains;

namespace Pulse.Tests.Grains;

/// <summary>
/// Invariant 7 at the grain: amounts that reached the log before fields had bounds (or at the edge of a declared
/// bound) are folded, answered as committed and scored, now and after a rebuild; the department keeps answering.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PoisonEventTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task Amounts_near_the_decimal_limit_are_committed_answered_as_such_and_scored()
    {
        var tenantId = await TestCompany.CreateAsync(Grains, employees: 2);
        var grain = Grains.GetGrain<IEmployeeGrain>(GrainKeys.For(tenantId, "E001"));

        var first = await grain.ApplyEventsAsync([TestCompany.Loan("E001", 1e27m, "huge")]);
        var second = await grain.ApplyEventsAsync([TestCompany.Loan("E001", decimal.MaxValue, "max-1"), TestCompany.Loan("E001", decimal.MaxValue, "max-2")]);
        var later = await grain.ApplyEventsAsync([TestCompany.Loan("E001", 5, "small")]);
        var performance = await grain.GetPerformanceAsync(null);

        Assert.Equal(["huge"], first.Accepted);
        Assert.Equal(["max-1", "max-2"], second.Accepted);
        Assert.Equal(["small"], later.Accepted);
        Assert.Equal(decimal.MaxValue, performance!.Sections[0].Indicators.Single(i => i.Id == "loan_volume").Value);
        Assert.Equal(4, performance.EventCount);

        // Rebuilt from the log on a fresh activation, the department asks every member again.
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var department = Grains.GetGrain<IDepartmentGrain>(GrainKeys.For(tenantId, "biz"));
        await department.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        var summary = await department.GetPerformanceAsync();
        var rebuilt = await grain.GetPerformanceAsync(null);

        Assert.Equal(performance.Composite, rebuilt!.Composite);
        Assert.InRange(summary.AverageComposite!.Value, 0m, 120m);
    }
}

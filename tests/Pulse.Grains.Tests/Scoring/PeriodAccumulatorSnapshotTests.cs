using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Pulse.Scoring;

namespace Pulse.Grains.Tests.Scoring;

public sealed class PeriodAccumulatorSnapshotTests
{
    [Fact]
    public void Accumulator_survives_a_snapshot_round_trip_and_keeps_folding_the_same()
    {
        using var services = new ServiceCollection()
            .AddSerializer(builder => builder.AddAssembly(typeof(PeriodAccumulator).Assembly))
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var live = new PeriodAccumulator();
        plan.FoldAll(live, Events.Loan(100_000m), Events.Default(6_000m), Events.Complaint());

        var restored = serializer.Deserialize<PeriodAccumulator>(serializer.SerializeToArray(live));
        Assert.NotNull(restored);

        Assert.Equal(live.Totals, restored.Totals);
        Assert.Equal(live.EventCount, restored.EventCount);
        Assert.Equal(live.LastSeq, restored.LastSeq);
        Assert.True(restored.IsBreached("bad_debt", "over5"));

        var next = Events.Loan(100_000m);
        Assert.Equal(plan.FoldAll(live, next), plan.FoldAll(restored, next));
        Assert.Equal(live.Totals, restored.Totals);
    }

    [Fact]
    public void Clone_is_independent_of_the_original()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var original = new PeriodAccumulator();
        plan.FoldAll(original, Events.Loan(100_000m), Events.Default(6_000m));

        var copy = original.Clone();
        plan.FoldAll(copy, Events.Loan(100_000m));

        Assert.Equal(100_000m, original.TotalsOf("sum(loan.disbursed, amount)").Sum);
        Assert.True(original.IsBreached("bad_debt", "over5"));
        Assert.False(copy.IsBreached("bad_debt", "over5"));
        Assert.Equal(2, original.LastSeq);
    }
}

using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains.Tests.Scoring;

public sealed class AlertCrossingTests
{
    [Fact]
    public void Bad_debt_alert_fires_once_on_breach_and_once_on_recovery()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var acc = new PeriodAccumulator();

        Assert.Empty(plan.FoldAll(acc, Events.Loan(100_000m)));                 // 0%

        var breach = plan.FoldAll(acc, Events.Default(6_000m));                  // 6% > 5%
        Assert.Equal([new AlertCrossing("bad_debt", "over5", AlertKind.Breached, 6m, 5m, 2)], breach);
        Assert.True(acc.IsBreached("bad_debt", "over5"));

        Assert.Empty(plan.FoldAll(acc, Events.Default(1_000m), Events.Complaint())); // 7%: still breached, no repeat

        var recovery = plan.FoldAll(acc, Events.Loan(100_000m));                 // 3.5%
        Assert.Equal([new AlertCrossing("bad_debt", "over5", AlertKind.Recovered, 3.5m, 5m, 5)], recovery);
        Assert.False(acc.IsBreached("bad_debt", "over5"));

        Assert.Empty(plan.FoldAll(acc, Events.Loan(100_000m)));

        var again = plan.FoldAll(acc, Events.Default(20_000m));                  // 27,000 / 300,000 = 9%
        Assert.Equal(AlertKind.Breached, Assert.Single(again).Kind);
    }

    [Fact]
    public void Alert_waits_for_MinSamples_of_the_denominator()
    {
        var ratio = SeedTemplates.BadDebt.Source.Measure!;
        var indicator = Events.Measured("bad_debt", ratio, 3, Direction.LowerIsBetter, null, new AlertRule("over5", Comparator.GreaterThan, 5m, MinSamples: 3));
        var plan = TemplatePlan.Compile(Events.Single(indicator));
        var acc = new PeriodAccumulator();

        Assert.Empty(plan.FoldAll(acc, Events.Loan(100m), Events.Default(10m)));  // 10% over 1 loan
        Assert.Empty(plan.FoldAll(acc, Events.Loan(100m), Events.Default(50m)));  // 30% over 2 loans

        var crossing = Assert.Single(plan.FoldAll(acc, Events.Loan(100m)));      // 20% over 3 loans
        Assert.Equal(AlertKind.Breached, crossing.Kind);
        Assert.Equal(5, crossing.Seq);
        Assert.Equal(20m, crossing.Value);
    }

    [Fact]
    public void Alert_on_a_count_counts_the_measure_events_as_samples()
    {
        var indicator = Events.Measured("complaints", new Measure(MeasureKind.Count, "complaint.received"), 0, Direction.LowerIsBetter, null, new AlertRule("many", Comparator.GreaterOrEqual, 2m, MinSamples: 2));
        var plan = TemplatePlan.Compile(Events.Single(indicator));
        var acc = new PeriodAccumulator();

        Assert.Empty(plan.FoldAll(acc, Events.Complaint()));
        Assert.Equal(AlertKind.Breached, Assert.Single(plan.FoldAll(acc, Events.Complaint())).Kind);
        Assert.Empty(plan.FoldAll(acc, Events.Complaint()));
    }

    [Fact]
    public void Ratio_without_denominator_neither_breaches_nor_recovers()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var acc = new PeriodAccumulator();

        Assert.Empty(plan.FoldAll(acc, Events.Default(5_000m)));
        Assert.Empty(acc.BreachedAlerts);
    }

    [Fact]
    public void Refolding_the_log_finds_the_same_crossings()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var log = new[] { Events.Loan(100_000m), Events.Default(6_000m), Events.Loan(100_000m), Events.Default(20_000m) };

        var first = plan.FoldAll(new PeriodAccumulator(), log);
        var second = plan.FoldAll(new PeriodAccumulator(), log);

        Assert.Equal(first, second);
        Assert.Equal([AlertKind.Breached, AlertKind.Recovered, AlertKind.Breached], first.Select(c => c.Kind));
    }

    [Fact]
    public void Crossing_becomes_an_alert_record_keyed_by_its_seq()
    {
        var crossing = new AlertCrossing("bad_debt", "over5", AlertKind.Breached, 6m, 5m, 7);
        var at = Events.MonthStart.AddDays(3);

        var record = crossing.ToRecord("acme", "E001", "2026-11", at);

        Assert.Equal(new AlertRecord("acme", "E001", "2026-11", "bad_debt", "over5", 7, AlertKind.Breached, 6m, 5m, at), record);
    }
}

using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains.Tests.Scoring;

public sealed class TemplatePlanTests
{
    private static MeasureReading Read(TemplatePlan plan, PeriodAccumulator acc, string id) =>
        plan.Indicators.Single(i => i.Id == id).Read(acc);

    [Fact]
    public void The_business_template_needs_four_distinct_aggregates()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);

        // sum(amount) of loan.disbursed serves both 月度贷款额度 and the 坏账率 denominator.
        Assert.Equal(
            ["sum(loan.disbursed, amount)", "sum(loan.defaulted, amount)", "count(complaint.received)", "count(loan.disbursed)"],
            plan.Aggregates.Select(a => a.Key));
        Assert.True(plan.Reads("loan.disbursed"));
        Assert.False(plan.Reads("call.logged"));
    }

    [Fact]
    public void Accumulator_holds_one_entry_per_aggregate_however_many_events()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var acc = new PeriodAccumulator();

        for (var i = 0; i < 500; i++)
        {
            plan.FoldAll(acc, Events.Loan(1000m), Events.Complaint());
        }

        Assert.Equal(3, acc.Totals.Count);
        Assert.Equal(1000, acc.EventCount);
        Assert.Equal(1000, acc.LastSeq);
        Assert.Equal(500_000m, acc.TotalsOf("sum(loan.disbursed, amount)").Sum);
    }

    [Fact]
    public void A_replayed_seq_changes_nothing()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var acc = new PeriodAccumulator();
        var loan = Events.Loan(1000m);

        plan.Fold(acc, loan, 1);
        plan.Fold(acc, loan, 1);

        Assert.Equal(1000m, acc.TotalsOf("sum(loan.disbursed, amount)").Sum);
        Assert.Equal(1, acc.EventCount);
    }

    [Fact]
    public void Events_of_unknown_types_are_counted_but_touch_no_aggregate()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var acc = new PeriodAccumulator();

        plan.FoldAll(acc, Events.Make("call.logged", """{"minutes":5}"""));

        Assert.Empty(acc.Totals);
        Assert.Equal(1, acc.EventCount);
    }

    [Fact]
    public void Ratio_with_zero_denominator_has_no_value()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var acc = new PeriodAccumulator();
        plan.FoldAll(acc, Events.Complaint());

        Assert.Equal(new MeasureReading(null, 0), Read(plan, acc, "complaint_rate"));

        plan.FoldAll(acc, Events.Loan(1000m), Events.Loan(1000m), Events.Loan(1000m), Events.Loan(1000m));
        Assert.Equal(new MeasureReading(25m, 4), Read(plan, acc, "complaint_rate"));
    }

    [Fact]
    public void Avg_with_zero_count_has_no_value_and_then_divides_sum_by_count()
    {
        var plan = TemplatePlan.Compile(Events.Single(Events.Measured("avg", new Measure(MeasureKind.Avg, "loan.disbursed", "amount"), 100)));
        var acc = new PeriodAccumulator();

        Assert.Null(Read(plan, acc, "avg").Value);

        plan.FoldAll(acc, Events.Loan(100m), Events.Loan(200m), Events.Loan(400m));
        Assert.Equal(700m / 3, Read(plan, acc, "avg").Value);
        Assert.Equal(3, Read(plan, acc, "avg").Samples);
    }

    [Fact]
    public void Avg_ignores_events_without_the_field()
    {
        var plan = TemplatePlan.Compile(Events.Single(Events.Measured("avg", new Measure(MeasureKind.Avg, "call.logged", "minutes"), 10)));
        var acc = new PeriodAccumulator();

        plan.FoldAll(acc, Events.Make("call.logged", """{"minutes":6}"""), Events.Make("call.logged", """{"channel":"phone"}"""));

        Assert.Equal(new MeasureReading(6m, 1), Read(plan, acc, "avg"));
    }

    [Fact]
    public void Latest_is_by_occurrence_so_a_late_older_event_does_not_overwrite_it()
    {
        var plan = TemplatePlan.Compile(Events.Single(Events.Measured("term", new Measure(MeasureKind.Latest, "loan.disbursed", "term"), 12)));
        var acc = new PeriodAccumulator();
        var t = Events.MonthStart;

        plan.FoldAll(acc, Events.Make("loan.disbursed", """{"amount":1,"term":12}""", t.AddDays(5)));
        plan.FoldAll(acc, Events.Make("loan.disbursed", """{"amount":1,"term":6}""", t.AddDays(2)));
        Assert.Equal(new MeasureReading(12m, 2), Read(plan, acc, "term"));

        plan.FoldAll(acc, Events.Make("loan.disbursed", """{"amount":1,"term":24}""", t.AddDays(6)));
        Assert.Equal(24m, Read(plan, acc, "term").Value);
    }

    [Fact]
    public void Latest_ties_on_occurrence_go_to_the_later_seq()
    {
        var plan = TemplatePlan.Compile(Events.Single(Events.Measured("term", new Measure(MeasureKind.Latest, "loan.disbursed", "term"), 12)));
        var acc = new PeriodAccumulator();
        var t = Events.MonthStart.AddDays(3);

        plan.FoldAll(acc, Events.Make("loan.disbursed", """{"amount":1,"term":12}""", t), Events.Make("loan.disbursed", """{"amount":1,"term":36}""", t));

        Assert.Equal(36m, Read(plan, acc, "term").Value);
    }

    [Fact]
    public void Latest_never_set_has_no_value()
    {
        var plan = TemplatePlan.Compile(Events.Single(Events.Measured("term", new Measure(MeasureKind.Latest, "loan.disbursed", "term"), 12)));
        var acc = new PeriodAccumulator();
        plan.FoldAll(acc, Events.Loan(5m));

        Assert.Equal(new MeasureReading(null, 0), Read(plan, acc, "term"));
    }

    [Theory]
    [InlineData("""{"amount":1,"product":"car"}""", "product", "car", true)]
    [InlineData("""{"amount":1,"product":"Car"}""", "product", "car", false)]
    [InlineData("""{"amount":1,"term":12}""", "term", "12", true)]
    [InlineData("""{"amount":1,"term":12.0}""", "term", "12", true)]
    [InlineData("""{"amount":1,"term":1.2e1}""", "term", "12", true)]
    [InlineData("""{"amount":1,"term":12}""", "term", "12.00", true)]
    [InlineData("""{"amount":1,"term":12.5}""", "term", "12", false)]
    [InlineData("""{"amount":1,"secured":true}""", "secured", "true", true)]
    [InlineData("""{"amount":1,"secured":false}""", "secured", "true", false)]
    [InlineData("""{"amount":1,"secured":false}""", "secured", "false", true)]
    [InlineData("""{"amount":1,"product":"true"}""", "secured", "true", false)]
    [InlineData("""{"amount":1,"secured":null}""", "secured", "null", false)]
    [InlineData("""{"amount":1,"meta":{"secured":true},"secured":true}""", "secured", "true", true)]
    public void Filter_compares_strings_numbers_and_booleans_as_text(string data, string field, string equalTo, bool counted)
    {
        var measure = new Measure(MeasureKind.Count, "loan.disbursed", Filter: new MeasureFilter(field, equalTo));
        var plan = TemplatePlan.Compile(Events.Single(Events.Measured("n", measure, 1)));
        var acc = new PeriodAccumulator();

        plan.FoldAll(acc, Events.Make("loan.disbursed", data));

        Assert.Equal(counted ? 1m : 0m, Read(plan, acc, "n").Value);
    }

    [Fact]
    public void Filtered_and_unfiltered_aggregates_of_one_type_are_kept_apart()
    {
        var plan = TemplatePlan.Compile(Events.Single(
            Events.Measured("all", new Measure(MeasureKind.Sum, "loan.disbursed", "amount"), 1),
            Events.Measured("car", new Measure(MeasureKind.Sum, "loan.disbursed", "amount", new MeasureFilter("product", "car")), 1)));
        var acc = new PeriodAccumulator();

        plan.FoldAll(acc, Events.Make("loan.disbursed", """{"amount":100,"product":"car"}"""), Events.Make("loan.disbursed", """{"amount":50,"product":"home"}"""));

        Assert.Equal(150m, Read(plan, acc, "all").Value);
        Assert.Equal(100m, Read(plan, acc, "car").Value);
    }

    [Fact]
    public void Malformed_data_folds_as_an_event_without_fields()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var acc = new PeriodAccumulator();

        plan.FoldAll(acc, Events.Make("loan.disbursed", """{"amount":"""));

        Assert.Equal(1, acc.TotalsOf("count(loan.disbursed)").Count);
        Assert.Equal(0, acc.TotalsOf("sum(loan.disbursed, amount)").Count);
    }

    [Fact]
    public void Large_data_is_read_beyond_the_stack_buffer()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var acc = new PeriodAccumulator();
        var padding = new string('x', 5000);

        plan.FoldAll(acc, Events.Make("loan.disbursed", $$"""{"note":"{{padding}}","amount":42}"""));

        Assert.Equal(42m, acc.TotalsOf("sum(loan.disbursed, amount)").Sum);
    }
}

using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains.Tests.Scoring;

/// <summary>Invariant 7: numbers at the edge of what a decimal holds saturate; folding and scoring never throw.</summary>
public sealed class SaturationTests
{
    private static readonly Dictionary<string, decimal> NoRatings = [];

    [Fact]
    public void Amounts_near_the_decimal_maximum_fold_and_score_without_throwing()
    {
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var accumulator = new PeriodAccumulator();

        plan.FoldAll(accumulator, Events.Loan(decimal.MaxValue - 1), Events.Loan(decimal.MaxValue - 1), Events.Default(decimal.MaxValue));
        var card = ScoreCalculator.Score(plan, accumulator, NoRatings, 0.001m, "zh-CN");

        var loan = card.Sections.SelectMany(s => s.Indicators).Single(i => i.Id == "loan_volume");
        Assert.Equal(decimal.MaxValue, loan.Value);
        Assert.Equal(LinearScoring.DefaultCapPercent, loan.Score);
        Assert.Equal(decimal.MaxValue, loan.Projected);
        Assert.Equal(3, accumulator.EventCount);
        Assert.InRange(card.Composite!.Value, 0m, 120m);
    }

    [Fact]
    public void A_huge_amount_scores_at_the_cap_and_reads_in_the_summary()
    {
        var card = Score(SeedTemplates.Business, Events.Loan(1e27m));

        var loan = card.Sections.SelectMany(s => s.Indicators).Single(i => i.Id == "loan_volume");
        Assert.Equal(IndicatorStatus.Scored, loan.Status);
        Assert.Equal(1e27m, loan.Value);
        Assert.Equal(LinearScoring.DefaultCapPercent, loan.Score);
        Assert.Equal(0m, loan.Remaining);
        Assert.Contains("已达标", loan.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_extremes_saturate_too()
    {
        var card = Score(SeedTemplates.Business, Events.Loan(decimal.MinValue), Events.Loan(decimal.MinValue), Events.Default(decimal.MinValue));

        var loan = card.Sections.SelectMany(s => s.Indicators).Single(i => i.Id == "loan_volume");
        Assert.Equal(decimal.MinValue, loan.Value);
        Assert.Equal(0m, loan.Score);
        Assert.InRange(card.Composite!.Value, 0m, 120m);
    }

    [Theory]
    [InlineData(Direction.HigherIsBetter, "79228162514264337593543950335", "0.0000000000000000000000000001")]
    [InlineData(Direction.LowerIsBetter, "79228162514264337593543950335", "0.0000000000000000000000000001")]
    [InlineData(Direction.LowerIsBetter, "1", "79228162514264337593543950335")]
    [InlineData(Direction.LowerIsBetter, "-1", "-79228162514264337593543950335")]
    [InlineData(Direction.HigherIsBetter, "-79228162514264337593543950335", "1")]
    public void Linear_scoring_stays_within_its_bounds_at_the_edges(Direction direction, string value, string target)
    {
        var (v, t) = (decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture));
        var score = LinearScoring.Score(direction, v, t, null);
        var attainment = LinearScoring.Attainment(direction, v, t);

        Assert.InRange(score, 0m, LinearScoring.DefaultCapPercent);
        Assert.InRange(attainment, decimal.MinValue, decimal.MaxValue);
    }

    private static Scorecard Score(KpiTemplate template, params Pulse.Events.BusinessEvent[] events)
    {
        var plan = TemplatePlan.Compile(template);
        var accumulator = new PeriodAccumulator();
        plan.FoldAll(accumulator, events);
        return ScoreCalculator.Score(plan, accumulator, NoRatings, 0.5m, "zh-CN");
    }
}

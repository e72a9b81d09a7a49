using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains.Tests.Scoring;

public sealed class ScoreCalculatorTests
{
    private static readonly Dictionary<string, decimal> NoRatings = [];

    private static Scorecard Score(KpiTemplate template, IReadOnlyDictionary<string, decimal>? ratings = null, decimal elapsed = 0.5m, string locale = "zh-CN", params Pulse.Events.BusinessEvent[] events)
    {
        var plan = TemplatePlan.Compile(template);
        var acc = new PeriodAccumulator();
        plan.FoldAll(acc, events);
        return ScoreCalculator.Score(plan, acc, ratings ?? NoRatings, elapsed, locale);
    }

    private static IndicatorResult Indicator(Scorecard card, string id) =>
        card.Sections.SelectMany(s => s.Indicators).Single(i => i.Id == id);

    [Fact]
    public void Seed_business_template_scores_sections_and_composite_by_weight()
    {
        var card = Score(SeedTemplates.Business, new Dictionary<string, decimal> { ["teamwork"] = 4 }, 0.5m, "zh-CN",
            Events.Loan(300_000m), Events.Loan(500_000m));

        var loan = Indicator(card, "loan_volume");
        Assert.Equal(IndicatorStatus.Scored, loan.Status);
        Assert.Equal(800_000m, loan.Value);
        Assert.Equal(80m, loan.Attainment);
        Assert.Equal(80m, loan.Score);
        Assert.Equal(200_000m, loan.Remaining);
        Assert.Equal(1_600_000m, loan.Projected);
        Assert.Equal(2, loan.Samples);
        Assert.Equal("月度贷款额度已完成80%,还需20万达标", loan.Summary);

        Assert.Equal(100m, Indicator(card, "bad_debt").Score);
        Assert.Equal(100m, Indicator(card, "complaint_rate").Score);
        Assert.Equal(86m, card.Sections[0].Score);       // (70×80 + 20×100 + 10×100) / 100
        Assert.Equal(80m, card.Sections[1].Score);       // rating 4 × 20
        Assert.Equal(84.2m, card.Composite);             // 0.7 × 86 + 0.3 × 80
        Assert.True(card.IsComplete);
        Assert.Empty(card.PendingIndicators);
    }

    [Fact]
    public void The_projected_composite_scores_the_month_end_pace_as_the_composite_scores_the_values()
    {
        // A fifth of the month gone, 300k lent: 30 % of target so far, on pace for 150 %.
        var ahead = Score(SeedTemplates.Business, elapsed: 0.2m, events: [Events.Loan(300_000m)]);
        Assert.Equal(51m, ahead.Composite);              // (70×30 + 20×100 + 10×100) / 100: below 60 only because it is early
        Assert.Equal(Math.Round((70 * LinearScoring.Score(Direction.HigherIsBetter, 1_500_000m, 1_000_000m, null) + 3_000m) / 100, 2), ahead.ProjectedComposite);
        Assert.True(ahead.ProjectedComposite >= 60);

        // Half the month gone, 100k lent: on pace for 200k, and the projection says so.
        var behind = Score(SeedTemplates.Business, elapsed: 0.5m, events: [Events.Loan(100_000m)]);
        Assert.Equal(37m, behind.Composite);
        Assert.Equal(44m, behind.ProjectedComposite);    // (70×20 + 3000) / 100

        // A closed month projects to what it is; a rating projects to itself.
        var closed = Score(SeedTemplates.Business, new Dictionary<string, decimal> { ["teamwork"] = 3 }, elapsed: 1m, events: [Events.Loan(100_000m)]);
        Assert.Equal(closed.Composite, closed.ProjectedComposite);
    }

    [Fact]
    public void Missing_rating_is_pending_and_the_composite_is_provisional_over_the_rest()
    {
        var card = Score(SeedTemplates.Business, events: [Events.Loan(300_000m), Events.Loan(500_000m)]);

        var teamwork = Indicator(card, "teamwork");
        Assert.Equal(IndicatorStatus.PendingRating, teamwork.Status);
        Assert.Null(teamwork.Value);
        Assert.Null(teamwork.Score);
        Assert.Equal("团队协作待经理评分", teamwork.Summary);
        Assert.Null(card.Sections[1].Score);
        Assert.Equal(86m, card.Composite);
        Assert.False(card.IsComplete);
        Assert.Equal(["teamwork"], card.PendingIndicators);
    }

    [Fact]
    public void Indicators_without_data_leave_their_weight_to_the_scored_ones()
    {
        var card = Score(SeedTemplates.Business, new Dictionary<string, decimal> { ["teamwork"] = 5 }, events: [Events.Complaint()]);

        Assert.Equal(0m, Indicator(card, "loan_volume").Score);              // a sum of nothing is 0, and scored
        Assert.Equal(IndicatorStatus.NoData, Indicator(card, "bad_debt").Status);
        Assert.Null(Indicator(card, "complaint_rate").Value);
        Assert.Equal("坏账率暂无数据", Indicator(card, "bad_debt").Summary);
        Assert.Equal(0m, card.Sections[0].Score);                             // only loan_volume counts
        Assert.Equal(30m, card.Composite);                                    // 0.7 × 0 + 0.3 × 100
        Assert.Equal(["bad_debt", "complaint_rate"], card.PendingIndicators);
        Assert.False(card.IsComplete);
    }

    [Fact]
    public void Section_score_renormalises_weights_over_scored_indicators()
    {
        var template = new KpiTemplate("t", new LocalizedText("t"), [
            new KpiSection("s", new LocalizedText("s"), 100, [
                Events.Measured("volume", new Measure(MeasureKind.Sum, "loan.disbursed", "amount"), 1000) with { Weight = 60 },
                Events.Measured("calls", new Measure(MeasureKind.Avg, "call.logged", "minutes"), 10) with { Weight = 40 },
            ]),
        ]);

        var card = Score(template, events: Events.Loan(500m));

        Assert.Equal(50m, card.Sections[0].Score);                            // not 0.6 × 50 = 30
        Assert.Equal(50m, card.Composite);
    }

    [Fact]
    public void Nothing_scored_gives_null_section_and_composite()
    {
        var template = Events.Single(Events.Measured("calls", new Measure(MeasureKind.Avg, "call.logged", "minutes"), 10));

        var card = Score(template);

        Assert.Null(card.Sections[0].Score);
        Assert.Null(card.Composite);
    }

    [Fact]
    public void Higher_is_better_is_capped_at_120_by_default_and_reports_attainment_beyond()
    {
        var card = Score(SeedTemplates.Business, events: Events.Loan(1_500_000m));

        var loan = Indicator(card, "loan_volume");
        Assert.Equal(150m, loan.Attainment);
        Assert.Equal(120m, loan.Score);
        Assert.Equal(0m, loan.Remaining);
        Assert.Equal("月度贷款额度已完成150%,已达标", loan.Summary);
    }

    [Fact]
    public void Custom_cap_limits_the_score()
    {
        var indicator = SeedTemplates.LoanVolume with { Scoring = new ScoringRule(CapPercent: 105) };
        var card = Score(Events.Single(indicator), events: Events.Loan(1_500_000m));

        Assert.Equal(105m, Indicator(card, "loan_volume").Score);
    }

    [Theory]
    [InlineData(2, 100, 100)]
    [InlineData(3, 100, 100)]
    [InlineData(5.5, 50, 54.55)]
    [InlineData(8, 0, 37.5)]
    [InlineData(12, 0, 25)]
    public void Lower_is_better_scores_100_at_target_and_0_from_ZeroScoreAt(decimal value, decimal score, decimal attainment)
    {
        var rule = new ScoringRule(ZeroScoreAt: 8m);

        Assert.Equal(score, LinearScoring.Score(Direction.LowerIsBetter, value, 3m, rule));
        Assert.Equal(attainment, Math.Round(LinearScoring.Attainment(Direction.LowerIsBetter, value, 3m), 2, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void Lower_is_better_defaults_ZeroScoreAt_to_twice_the_target()
    {
        Assert.Equal(50m, LinearScoring.Score(Direction.LowerIsBetter, 7.5m, 5m, null));
        Assert.Equal(0m, LinearScoring.Score(Direction.LowerIsBetter, 10m, 5m, null));
    }

    [Fact]
    public void Lower_is_better_with_target_zero_scores_only_zero()
    {
        Assert.Equal(100m, LinearScoring.Score(Direction.LowerIsBetter, 0m, 0m, null));
        Assert.Equal(0m, LinearScoring.Score(Direction.LowerIsBetter, 0.01m, 0m, null));
        Assert.Equal(0m, LinearScoring.Attainment(Direction.LowerIsBetter, 0.01m, 0m));
        Assert.Equal(75m, LinearScoring.Score(Direction.LowerIsBetter, 1m, 0m, new ScoringRule(ZeroScoreAt: 4m)));
    }

    [Fact]
    public void Higher_is_better_score_is_floored_at_zero()
    {
        Assert.Equal(0m, LinearScoring.Score(Direction.HigherIsBetter, -50m, 100m, null));
    }

    [Fact]
    public void Bad_debt_ratio_scores_lower_is_better_through_the_plan()
    {
        var card = Score(SeedTemplates.Business, events: [Events.Loan(1_000_000m), Events.Default(55_000m)]);

        var badDebt = Indicator(card, "bad_debt");
        Assert.Equal(5.5m, badDebt.Value);
        Assert.Equal(50m, badDebt.Score);
        Assert.Equal(54.55m, badDebt.Attainment);
        Assert.Null(badDebt.Remaining);
        Assert.Equal(5.5m, badDebt.Projected);                 // a ratio is already a pace
        Assert.Equal(1, badDebt.Samples);
    }

    [Fact]
    public void Rating_scores_twenty_points_a_step()
    {
        var card = Score(SeedTemplates.Business, new Dictionary<string, decimal> { ["teamwork"] = 3 });

        var teamwork = Indicator(card, "teamwork");
        Assert.Equal(3m, teamwork.Value);
        Assert.Equal(60m, teamwork.Score);
        Assert.Equal(60m, teamwork.Attainment);
        Assert.Equal(1, teamwork.Samples);
    }

    [Fact]
    public void Reported_numbers_round_half_away_from_zero()
    {
        // 0.05 of a target of 1,000 is 0.005%: half away from zero gives 0.01 where banker's rounding would give 0.00.
        var card = Score(Events.Single(Events.Measured("tiny", new Measure(MeasureKind.Sum, "loan.disbursed", "amount"), 1000)), events: Events.Loan(0.05m));

        Assert.Equal(0.01m, Indicator(card, "tiny").Score);
        Assert.Equal(0.01m, card.Composite);
    }

    [Fact]
    public void Composite_is_computed_from_unrounded_section_scores()
    {
        // Section a scores 0.005 (reported 0.01), section b scores 0. From unrounded scores the composite is 0.0025 → 0.00;
        // averaging the reported 0.01 and 0 would give 0.005 → 0.01.
        var template = new KpiTemplate("t", new LocalizedText("t"), [
            new KpiSection("a", new LocalizedText("a"), 50, [Events.Measured("tiny", new Measure(MeasureKind.Count, "loan.disbursed"), 20_000)]),
            new KpiSection("b", new LocalizedText("b"), 50, [Events.Measured("none", new Measure(MeasureKind.Count, "complaint.received"), 10)]),
        ]);

        var card = Score(template, events: Events.Loan(1m));

        Assert.Equal(0.01m, card.Sections[0].Score);
        Assert.Equal(0m, card.Sections[1].Score);
        Assert.Equal(0m, card.Composite);
    }

    [Fact]
    public void Projection_is_null_before_the_period_starts()
    {
        var card = Score(SeedTemplates.Business, elapsed: 0m, events: Events.Loan(1000m));

        Assert.Null(Indicator(card, "loan_volume").Projected);
    }

    [Fact]
    public void Results_carry_the_indicator_definition()
    {
        var card = Score(SeedTemplates.Business);

        var badDebt = Indicator(card, "bad_debt");
        Assert.Equal(SeedTemplates.BadDebt.Name, badDebt.Name);
        Assert.Equal("%", badDebt.Unit);
        Assert.Equal(Direction.LowerIsBetter, badDebt.Direction);
        Assert.Equal(20m, badDebt.Weight);
        Assert.Equal(3m, badDebt.Target);
        Assert.Equal(["quantitative", "behavioural"], card.Sections.Select(s => s.Id));
        Assert.Equal(70m, card.Sections[0].Weight);
    }
}

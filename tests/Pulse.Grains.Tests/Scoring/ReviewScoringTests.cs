using Pulse.Performance;
using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains.Tests.Scoring;

public sealed class ReviewScoringTests
{
    private static readonly LocalizedText Name = new("指标", "Indicator");

    private static IndicatorResult Quantitative(string id, decimal weight, decimal? score) =>
        new(id, Name, "", Direction.HigherIsBetter, weight, 100m, score is null ? IndicatorStatus.NoData : IndicatorStatus.Scored, score, score, score, null, score, score is null ? 0 : 1, "");

    private static IndicatorResult Rated(string id, decimal weight) =>
        new(id, Name, "", Direction.HigherIsBetter, weight, 5m, IndicatorStatus.PendingRating, null, null, null, null, null, 0, "");

    private static EmployeePerformance Frozen(params SectionResult[] sections) =>
        new("B002", "business", "2025-03", "business", 1, null, false, [], sections, [], 12, 12, DateTimeOffset.UnixEpoch);

    private static SectionResult Section(string id, decimal weight, params IndicatorResult[] indicators) => new(id, Name, weight, null, indicators);

    /// <summary>The seed's shape: 量化 70 (three measures weighted 70/20/10) and 行为 30 (one rated indicator).</summary>
    private static EmployeePerformance Seed(decimal? loan = 100m, decimal? badDebt = 80m, decimal? complaints = 60m) => Frozen(
        Section("quantitative", 70m, Quantitative("loan_volume", 70m, loan), Quantitative("bad_debt", 20m, badDebt), Quantitative("complaint_rate", 10m, complaints)),
        Section("behavioural", 30m, Rated("teamwork", 100m)));

    [Fact]
    public void The_composite_weighs_the_frozen_scores_and_the_rating_as_the_template_says()
    {
        var result = ReviewScoring.Composite(Seed(), new Dictionary<string, decimal> { ["teamwork"] = 4m });

        Assert.Equal(92m, result.SectionScores["quantitative"]);     // (70×100 + 20×80 + 10×60) / 100
        Assert.Equal(80m, result.SectionScores["behavioural"]);      // 4 × 20
        Assert.Equal(88.4m, result.Composite);                       // 0.7 × 92 + 0.3 × 80
        Assert.True(result.IsComplete);
        Assert.Empty(result.PendingRatings);
    }

    [Fact]
    public void Without_the_rating_the_composite_is_provisional_over_what_is_scored()
    {
        var result = ReviewScoring.Composite(Seed(), new Dictionary<string, decimal>());

        Assert.False(result.IsComplete);
        Assert.Equal(["teamwork"], result.PendingRatings);
        Assert.Null(result.SectionScores["behavioural"]);
        Assert.Equal(92m, result.Composite);                         // the behavioural weight goes to the scored section
    }

    [Fact]
    public void A_measure_without_data_at_the_freeze_gives_its_weight_to_the_others_and_does_not_hold_the_review_open()
    {
        var result = ReviewScoring.Composite(Seed(complaints: null), new Dictionary<string, decimal> { ["teamwork"] = 3m });

        Assert.True(result.IsComplete);
        Assert.Equal(95.56m, result.SectionScores["quantitative"]);  // (70×100 + 20×80) / 90 = 95.5555…
        // 0.7 × 95.5555… + 0.3 × 60 = 84.8888…: rounded once, from the unrounded section score
        Assert.Equal(84.89m, result.Composite);
    }

    [Fact]
    public void The_composite_is_rounded_once_half_away_from_zero()
    {
        // Two equal sections whose mean lands exactly on a midpoint.
        var frozen = Frozen(
            Section("a", 50m, Quantitative("x", 1m, 80.01m)),
            Section("b", 50m, Rated("r", 1m)));
        var result = ReviewScoring.Composite(frozen, new Dictionary<string, decimal> { ["r"] = 5m });

        Assert.Equal(90.01m, result.Composite);                      // (80.01 + 100) / 2 = 90.005 → 90.01, not banker's 90.00
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(3, true)]
    [InlineData(0, false)]
    [InlineData(6, false)]
    [InlineData(4.5, false)]
    [InlineData(-1, false)]
    public void Ratings_are_whole_steps_of_the_1_to_5_scale(decimal rating, bool onScale) =>
        Assert.Equal(onScale, ReviewScoring.IsOnScale(rating));

    [Fact]
    public void A_rating_off_the_scale_counts_as_not_given_instead_of_failing_the_view()
    {
        var result = ReviewScoring.Composite(Seed(), new Dictionary<string, decimal> { ["teamwork"] = 9m });

        Assert.False(result.IsComplete);
        Assert.Equal(92m, result.Composite);
    }

    [Fact]
    public void With_every_rating_in_the_review_composite_equals_the_live_scorecards()
    {
        var ratings = new Dictionary<string, decimal> { ["teamwork"] = 4m };
        var plan = TemplatePlan.Compile(SeedTemplates.Business);
        var acc = new PeriodAccumulator();
        plan.FoldAll(acc, Events.Loan(300_000m), Events.Loan(500_000m));
        var live = ScoreCalculator.Score(plan, acc, ratings, 1m, "zh-CN");
        var unrated = ScoreCalculator.Score(plan, acc, new Dictionary<string, decimal>(), 1m, "zh-CN");
        var frozen = Frozen(unrated.Sections);

        var result = ReviewScoring.Composite(frozen, ratings);

        Assert.Equal(84.2m, live.Composite);
        Assert.Equal(live.Composite, result.Composite);
        Assert.True(result.IsComplete);
    }
}

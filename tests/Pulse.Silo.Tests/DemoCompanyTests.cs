using Pulse.Events;
using Pulse.Scoring;
using Pulse.Silo.Demo;

namespace Pulse.Silo.Tests;

/// <summary>The demo company is the seed company: its templates weigh the indicators as the seed does.</summary>
public sealed class DemoCompanyTests
{
    [Fact]
    public void Technology_indicators_weigh_fifty_thirty_twenty_in_the_composite()
    {
        var template = DemoCompany.TechnologyTemplate();

        var effective = template.Sections
            .SelectMany(s => s.Indicators.Select(i => (i.Id, Weight: s.Weight * i.Weight / 100m)))
            .ToDictionary(x => x.Id, x => x.Weight);

        Assert.Equal(new Dictionary<string, decimal> { ["on-time-release"] = 50m, ["bug-rate"] = 30m, ["teamwork"] = 20m }, effective);
        Assert.Equal(["项目上线时间", "bug率", "团队协作评分"], template.Sections.SelectMany(s => s.Indicators).Select(i => i.Name.Zh));
    }

    /// <summary>
    /// The weights as scoring applies them: from a scorecard where everything scores 100, dropping one indicator's
    /// score by some points drops the composite by that many points times its effective weight.
    /// </summary>
    [Theory]
    [InlineData("all on target", 9, 1, 0, 5, 100)]
    [InlineData("every release late: 项目上线时间 scores 0", 0, 10, 0, 5, 50)]
    [InlineData("6 bugs a release: bug率 scores 0", 9, 1, 60, 5, 70)]
    [InlineData("teamwork rated 1 (20 points, 80 below 100)", 9, 1, 0, 1, 84)]
    public void Technology_composite_moves_with_each_indicator_by_its_seed_weight(string because, int onTime, int late, int bugs, decimal teamwork, decimal composite)
    {
        var plan = TemplatePlan.Compile(DemoCompany.TechnologyTemplate());
        var accumulator = new PeriodAccumulator();
        var seq = 0;
        void Fold(string type, string data) => plan.Fold(accumulator, new BusinessEvent($"e{++seq}", type, "T002", DateTimeOffset.UnixEpoch, data), seq);
        for (var i = 0; i < onTime; i++) Fold("project.released", """{"onTime":true}""");
        for (var i = 0; i < late; i++) Fold("project.released", """{"onTime":false}""");
        for (var i = 0; i < bugs; i++) Fold("bug.reported", """{"severity":"low"}""");

        var scorecard = ScoreCalculator.Score(plan, accumulator, new Dictionary<string, decimal> { ["teamwork"] = teamwork }, 1m, "zh-CN");

        Assert.True(scorecard.Composite == composite, $"{because}: composite {scorecard.Composite}, expected {composite}");
    }
}

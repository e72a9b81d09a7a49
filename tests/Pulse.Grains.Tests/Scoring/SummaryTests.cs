using Pulse.Scoring;
using Pulse.Templates;

namespace Pulse.Grains.Tests.Scoring;

public sealed class SummaryTests
{
    private static string Summary(string id, string locale, IReadOnlyDictionary<string, decimal>? ratings = null, KpiTemplate? template = null, params Pulse.Events.BusinessEvent[] events)
    {
        var plan = TemplatePlan.Compile(template ?? SeedTemplates.Business);
        var acc = new PeriodAccumulator();
        plan.FoldAll(acc, events);
        var card = ScoreCalculator.Score(plan, acc, ratings ?? new Dictionary<string, decimal>(), 0.5m, locale);
        return card.Sections.SelectMany(s => s.Indicators).Single(i => i.Id == id).Summary;
    }

    [Fact]
    public void Chinese_writes_remaining_amounts_in_wan()
    {
        Assert.Equal("月度贷款额度已完成80%,还需20万达标", Summary("loan_volume", "zh-CN", events: Events.Loan(800_000m)));
        Assert.Equal("月度贷款额度已完成87.5%,还需12.5万达标", Summary("loan_volume", "zh-CN", events: Events.Loan(875_000m)));
        Assert.Equal("月度贷款额度已完成99.5%,还需5000达标", Summary("loan_volume", "zh-CN", events: Events.Loan(995_000m)));
    }

    [Fact]
    public void English_writes_amounts_with_thousands_separators()
    {
        Assert.Equal("Monthly loan volume 80% done, 200,000 to go", Summary("loan_volume", "en", events: Events.Loan(800_000m)));
        Assert.Equal("Monthly loan volume 120% done, target reached", Summary("loan_volume", "en", events: Events.Loan(1_200_000m)));
    }

    [Fact]
    public void Reached_target_says_so()
    {
        Assert.Equal("月度贷款额度已完成120%,已达标", Summary("loan_volume", "zh-CN", events: Events.Loan(1_200_000m)));
    }

    [Fact]
    public void Lower_is_better_states_value_against_target()
    {
        var events = new[] { Events.Loan(1_000_000m), Events.Default(32_000m) };

        Assert.Equal("坏账率 3.2%,目标≤3%", Summary("bad_debt", "zh-CN", events: events));
        Assert.Equal("Bad-debt rate 3.2%, target ≤ 3%", Summary("bad_debt", "en", events: events));
    }

    [Fact]
    public void Other_units_follow_the_number()
    {
        var template = Events.Single(new Indicator(
            "loans", new LocalizedText("放款笔数", "Loans"), 100,
            new IndicatorSource(SourceKind.Measure, new Measure(MeasureKind.Count, "loan.disbursed")), 10, Unit: "笔"));

        Assert.Equal("放款笔数已完成40%,还需6笔达标", Summary("loans", "zh-CN", template: template, events: [Events.Loan(1), Events.Loan(1), Events.Loan(1), Events.Loan(1)]));
        Assert.Equal("Loans 40% done, 6 笔 to go", Summary("loans", "en", template: template, events: [Events.Loan(1), Events.Loan(1), Events.Loan(1), Events.Loan(1)]));
    }

    [Fact]
    public void Ratings_read_pending_or_given()
    {
        Assert.Equal("团队协作待经理评分", Summary("teamwork", "zh-CN"));
        Assert.Equal("Teamwork: awaiting manager rating", Summary("teamwork", "en"));
        Assert.Equal("团队协作经理评分4分(满分5分)", Summary("teamwork", "zh-CN", new Dictionary<string, decimal> { ["teamwork"] = 4 }));
        Assert.Equal("Teamwork: rated 4 of 5", Summary("teamwork", "en", new Dictionary<string, decimal> { ["teamwork"] = 4 }));
    }

    [Fact]
    public void No_data_says_so()
    {
        Assert.Equal("客户投诉率暂无数据", Summary("complaint_rate", "zh-CN"));
        Assert.Equal("Complaint rate: no data yet", Summary("complaint_rate", "en"));
    }
}

using Pulse.Grains;
using Pulse.Performance;

namespace Pulse.Tests.Grains;

public sealed class DepartmentAggregatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(8));

    private static MemberScore Line(string id, decimal composite, decimal projected, int breached = 0) =>
        new(id, $"name-{id}", "2026-12", composite, [], breached, Now, 10, projected);

    [Fact]
    public void At_risk_is_judged_on_pace_or_a_breached_alert_and_named_lowest_projection_first()
    {
        MemberScore[] lines =
        [
            Line("early", composite: 20, projected: 85),          // little of the month gone, on a good pace: not at risk
            Line("slowing", composite: 70, projected: 50),        // ahead today, behind at month end: at risk
            Line("breached", composite: 90, projected: 95, breached: 1),
            Line("behind", composite: 30, projected: 20),
        ];

        var summary = DepartmentAggregates.Summarise("biz", "2026-12", 4, lines, DepartmentAggregates.Ranked, DepartmentAggregates.AtRiskBelow, Now);

        Assert.Equal(3, summary.AtRisk);
        Assert.Equal(["behind", "slowing", "breached"], summary.AtRiskMembers.Select(m => m.EmployeeId));
        Assert.Equal(20m, summary.AtRiskMembers[0].ProjectedComposite);
        Assert.Equal(30m, summary.AtRiskMembers[0].Composite);
        Assert.Equal("name-behind", summary.AtRiskMembers[0].Name);
    }

    [Fact]
    public void Combined_summaries_name_the_lowest_at_risk_members_of_all_parts_capped()
    {
        var first = DepartmentAggregates.Summarise("a", "2026-12", 40, [.. Enumerable.Range(0, 40).Select(i => Line($"a{i:00}", 50, 10 + i))], 5, 60, Now);
        var second = DepartmentAggregates.Summarise("b", "2026-12", 40, [.. Enumerable.Range(0, 40).Select(i => Line($"b{i:00}", 50, 10.5m + i))], 5, 60, Now);

        var whole = DepartmentAggregates.Combine("hq", "2026-12", [first, second], 5, Now);

        Assert.Equal(80, whole.AtRisk);
        Assert.Equal(DepartmentAggregates.AtRiskListed, whole.AtRiskMembers.Length);
        Assert.Equal(["a00", "b00", "a01", "b01"], whole.AtRiskMembers.Take(4).Select(m => m.EmployeeId));
        Assert.Equal(whole.AtRiskMembers.OrderBy(m => m.ProjectedComposite).Select(m => m.EmployeeId), whole.AtRiskMembers.Select(m => m.EmployeeId));
    }
}

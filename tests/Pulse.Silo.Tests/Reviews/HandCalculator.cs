namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// The seed company's month scored by hand, from the raw events and the rating, with the templates' rules written out
/// here rather than taken from the product's scoring code:
/// <list type="bullet">
/// <item>Higher is better: 100 × value ÷ target, at least 0, at most the cap (120 unless the template says otherwise).</item>
/// <item>Lower is better: 100 at or below target, 0 at or beyond the zero point, a straight line between.</item>
/// <item>A measure with nothing to measure (an average of no tickets, a ratio over nothing) is left out and its weight
/// goes to the others; a rating scores 20 points a step (3 → 60).</item>
/// <item>Each indicator's score is the 2-decimal score a person sees; a section is the weighted mean of its scores, the
/// composite the weighted mean of the sections (70/30, 技术部 80/20), rounded once to 2 decimals half away from zero.</item>
/// <item>The quantitative score, the calibration's tie-breaker, is the quantitative section on its own, to 2 decimals.</item>
/// </list>
/// </summary>
public static class HandCalculator
{
    public static HandScore Score(string employeeId, string departmentId, IEnumerable<PlannedEvent> events, int rating)
    {
        var month = events.ToList();
        (decimal Weight, decimal? Score)[] quantitative = departmentId switch
        {
            "biz" => Business(month),
            "ops" => Operations(month),
            "tech" => Technology(month),
            _ => throw new ArgumentException($"No template for {departmentId}."),
        };
        var (quantitativeWeight, behaviouralWeight) = departmentId == "tech" ? (80m, 20m) : (70m, 30m);

        var section = Mean(quantitative);
        var composite = Mean([(quantitativeWeight, section), (behaviouralWeight, rating * 20m)]);
        return new HandScore(employeeId, departmentId, Round(composite), Round(section));
    }

    /// <summary>业务部: 月度贷款额度 70 (target 1,000,000), 坏账率 20 (3%, zero at 8%), 客户投诉率 10 (5%, zero at 20%).</summary>
    private static (decimal, decimal?)[] Business(List<PlannedEvent> month)
    {
        var lent = Sum(month, "loan.disbursed");
        var loans = Count(month, "loan.disbursed");
        var defaulted = Sum(month, "loan.defaulted");
        var complaints = Count(month, "complaint.received");
        return
        [
            (70m, Higher(lent, 1_000_000m)),
            (20m, lent == 0 ? null : Lower(defaulted / lent * 100m, 3m, 8m)),
            (10m, loans == 0 ? null : Lower(complaints / loans * 100m, 5m, 20m)),
        ];
    }

    /// <summary>运营部: 流程处理时间 60 (average 30 minutes, zero at 90), 差错率 30 (2%, zero at 10%), 培训完成率 10 (4 courses, capped at 100).</summary>
    private static (decimal, decimal?)[] Operations(List<PlannedEvent> month)
    {
        var tickets = month.Where(e => e.Type == "ticket.processed").ToList();
        decimal count = tickets.Count;
        return
        [
            (60m, count == 0 ? null : Lower(tickets.Sum(t => (decimal)t.Minutes) / count, 30m, 90m)),
            (30m, count == 0 ? null : Lower(tickets.Count(t => t.Flag) / count * 100m, 2m, 10m)),
            (10m, Higher(Count(month, "training.completed"), 4m, cap: 100m)),
        ];
    }

    /// <summary>技术部 (inside its 80% section): 项目上线时间 62.5 (90% on time, capped at 110), bug率 37.5 (2 a release, zero at 6).</summary>
    private static (decimal, decimal?)[] Technology(List<PlannedEvent> month)
    {
        var releases = Count(month, "project.released");
        var onTime = month.Count(e => e.Type == "project.released" && e.Flag);
        return
        [
            (62.5m, releases == 0 ? null : Higher(onTime / releases * 100m, 90m, cap: 110m)),
            (37.5m, releases == 0 ? null : Lower(Count(month, "bug.reported") / releases, 2m, 6m)),
        ];
    }

    private static decimal Higher(decimal value, decimal target, decimal cap = 120m) => Round(Math.Clamp(100m * value / target, 0m, cap));

    private static decimal Lower(decimal value, decimal target, decimal zeroAt) =>
        Round(value <= target ? 100m : value >= zeroAt ? 0m : 100m * (zeroAt - value) / (zeroAt - target));

    /// <summary>The weighted mean of what is scored; null when nothing is.</summary>
    private static decimal? Mean(IEnumerable<(decimal Weight, decimal? Score)> items)
    {
        var scored = items.Where(i => i.Score is not null).ToList();
        return scored.Count == 0 ? null : scored.Sum(i => i.Weight * i.Score!.Value) / scored.Sum(i => i.Weight);
    }

    private static decimal Sum(List<PlannedEvent> month, string type) => month.Where(e => e.Type == type).Sum(e => e.Amount);

    private static decimal Count(List<PlannedEvent> month, string type) => month.Count(e => e.Type == type);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static decimal? Round(decimal? value) => value is { } v ? Round(v) : null;
}

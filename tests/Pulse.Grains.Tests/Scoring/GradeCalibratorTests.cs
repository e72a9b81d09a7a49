using Pulse.Reviews;
using Pulse.Scoring;

namespace Pulse.Grains.Tests.Scoring;

/// <summary>The calibration on small data sets whose answers are worked out by hand in each test.</summary>
public sealed class GradeCalibratorTests
{
    private static readonly ReviewPolicy TopTwentyBottomTen = ReviewPolicy.Default with
    {
        Distribution = new ForcedDistribution(DistributionScope.Tenant, [new GradeQuota("A", MaxPercent: 20m), new GradeQuota("D", MinPercent: 10m)]),
    };

    private static CalibrationCandidate Person(string id, decimal? composite, decimal? quantitative, string group = "biz") => new(id, group, composite, quantitative);

    [Fact]
    public void Top_20_percent_and_bottom_10_percent_with_ties_broken_by_quantitative_score_then_id()
    {
        CalibrationCandidate[] people =
        [
            Person("E10", 61m, null), Person("E02", 88m, 80m), Person("E06", 75m, 60m), Person("E01", 95m, 90m), Person("E09", 62m, 45m),
            Person("E03", 88m, 85m), Person("E05", 75m, 60m), Person("E08", 65m, 40m), Person("E04", 85m, 70m), Person("E07", 72m, 50m),
        ];

        var result = GradeCalibrator.Calibrate(TopTwentyBottomTen, people);

        // Rank: 95 first; 88/85 before 88/80 (quantitative); 75/60 twice → E05 before E06 (id); a missing score ranks last among equals.
        Assert.Equal(["E01", "E03", "E02", "E04", "E05", "E06", "E07", "E08", "E09", "E10"], result.Select(r => r.EmployeeId));
        Assert.Equal(Enumerable.Range(1, 10), result.Select(r => r.Rank));
        // Bands: ≥90 S, ≥80 A, ≥70 B, ≥60 C.
        Assert.Equal(["S", "A", "A", "A", "B", "B", "B", "C", "C", "C"], result.Select(r => r.BandGrade));
        // S or A capped at ⌊10 × 20%⌋ = 2: the two lowest-ranked of the four (E04, E02) move down to B.
        // D or worse at least ⌈10 × 10%⌉ = 1: the lowest-ranked above D (E10) moves down to D.
        Assert.Equal(["S", "A", "B", "B", "B", "B", "B", "C", "C", "D"], result.Select(r => r.SuggestedGrade));
    }

    [Fact]
    public void Department_scope_counts_each_top_level_department_on_its_own()
    {
        var policy = ReviewPolicy.Default with { Distribution = new ForcedDistribution(DistributionScope.Department, [new GradeQuota("S", MaxPercent: 20m)]) };
        CalibrationCandidate[] people =
        [
            Person("B1", 95m, 0m, "biz"), Person("B2", 94m, 0m, "biz"), Person("B3", 93m, 0m, "biz"), Person("B4", 92m, 0m, "biz"), Person("B5", 91m, 0m, "biz"),
            Person("T1", 99m, 0m, "tech"), Person("T2", 98m, 0m, "tech"), Person("T3", 50m, 0m, "tech"),
        ];

        var grades = GradeCalibrator.Calibrate(policy, people).ToDictionary(r => r.EmployeeId, r => r.SuggestedGrade);

        // biz: 5 people, S capped at ⌊1.0⌋ = 1 → B1 keeps S, B2–B5 move to A. tech: 3 people, ⌊0.6⌋ = 0 → T1, T2 move to A.
        Assert.Equal("S", grades["B1"]);
        Assert.All(["B2", "B3", "B4", "B5", "T1", "T2"], id => Assert.Equal("A", grades[id]));
        Assert.Equal("D", grades["T3"]);
    }

    [Fact]
    public void Without_a_distribution_the_band_is_the_suggestion_and_a_missing_composite_gets_the_lowest_band()
    {
        var result = GradeCalibrator.Calibrate(ReviewPolicy.Default, [Person("A", null, null), Person("B", 90m, null), Person("C", 89.99m, 100m)]);

        Assert.Equal(["B", "C", "A"], result.Select(r => r.EmployeeId));
        Assert.Equal(["S", "A", "D"], result.Select(r => r.SuggestedGrade));
        Assert.Equal(result.Select(r => r.BandGrade), result.Select(r => r.SuggestedGrade));
    }

    [Fact]
    public void The_same_people_in_any_order_get_the_same_grades()
    {
        var people = Enumerable.Range(0, 40).Select(i => Person($"P{i:D2}", 60m + i % 7 * 5m, i % 3 * 10m)).ToArray();
        var once = GradeCalibrator.Calibrate(TopTwentyBottomTen, people);
        var reversed = GradeCalibrator.Calibrate(TopTwentyBottomTen, [.. people.Reverse()]);
        Assert.Equal(once, reversed);
    }

    [Theory]
    [InlineData(1000, 1.5, 1500)]
    [InlineData(3333.33, 1.2, 4000)]
    [InlineData(0.05, 0.5, 0.03)]
    public void Pay_is_base_times_coefficient_rounded_half_away_from_zero(decimal payBase, decimal coefficient, decimal amount) =>
        Assert.Equal(amount, PerformancePay.Amount(payBase, coefficient));

    [Fact]
    public void A_base_for_the_grade_wins_over_the_employee_own()
    {
        var policy = ReviewPolicy.Default with { BaseByGrade = new Dictionary<string, decimal> { ["S"] = 5000m } };
        Assert.Equal(5000m, PerformancePay.BaseFor(policy, "S", 3000m));
        Assert.Equal(3000m, PerformancePay.BaseFor(policy, "A", 3000m));
    }
}

namespace Pulse.Silo.Tests.Reviews;

/// <summary>
/// The seed's calibration by hand, as docs/architecture.md states the rules:
/// <list type="bullet">
/// <item>Rank: higher composite first; on equal composites the higher quantitative score; then the employee id in
/// ordinal order; a missing number ranks below any number.</item>
/// <item>Bands: S from 90, A from 80, B from 70, C from 60, else D; pay coefficients 1.5, 1.2, 1.0, 0.8, 0.5.</item>
/// <item>Top 20%: at most ⌊n × 20%⌋ people get A or better; the lowest-ranked beyond that get B.
/// Bottom 10%: at least ⌈n × 10%⌉ people get D; the lowest-ranked above D move down to it until there are.</item>
/// <item>Pay = the employee's base × the grade's coefficient, to 2 decimals.</item>
/// </list>
/// </summary>
public static class HandCalibration
{
    public static readonly string[] Grades = ["S", "A", "B", "C", "D"];

    public static HandGrade[] Calibrate(IEnumerable<HandScore> scores)
    {
        var ranked = scores
            .OrderByDescending(s => s.Composite ?? decimal.MinValue)
            .ThenByDescending(s => s.Quantitative ?? decimal.MinValue)
            .ThenBy(s => s.EmployeeId, StringComparer.Ordinal)
            .ToList();
        var band = ranked.Select(s => Band(s.Composite)).ToArray();
        var grade = (string[])band.Clone();

        var n = ranked.Count;
        var topCap = (int)Math.Floor(n * 20m / 100m);
        var topSoFar = 0;
        for (var i = 0; i < n; i++)
        {
            if (grade[i] is not ("S" or "A")) continue;
            if (++topSoFar > topCap) grade[i] = "B";
        }

        var bottomFloor = (int)Math.Ceiling(n * 10m / 100m);
        var atD = grade.Count(g => g == "D");
        for (var i = n - 1; i >= 0 && atD < bottomFloor; i--)
        {
            if (grade[i] == "D") continue;
            grade[i] = "D";
            atD++;
        }

        return [.. ranked.Select((s, i) => new HandGrade(s.EmployeeId, i + 1, s.Composite, band[i], grade[i]))];
    }

    public static decimal Coefficient(string grade) => grade switch
    {
        "S" => 1.5m,
        "A" => 1.2m,
        "B" => 1.0m,
        "C" => 0.8m,
        _ => 0.5m,
    };

    /// <summary>The seed company's performance-pay bases: 业务部 8,000, 运营部 6,000, 技术部 10,000.</summary>
    public static decimal Base(string employeeId) => employeeId[0] switch
    {
        'B' => 8_000m,
        'O' => 6_000m,
        _ => 10_000m,
    };

    public static decimal Pay(string employeeId, string grade) => Math.Round(Base(employeeId) * Coefficient(grade), 2, MidpointRounding.AwayFromZero);

    private static string Band(decimal? composite) => composite switch
    {
        >= 90m => "S",
        >= 80m => "A",
        >= 70m => "B",
        >= 60m => "C",
        _ => "D",
    };
}

using Pulse.Reviews;

namespace Pulse.Scoring;

/// <summary>Performance pay (绩效工资) = base × the grade's coefficient, rounded to 2 decimals half away from zero.</summary>
public static class PerformancePay
{
    /// <summary>The policy's base for the grade when it names one, else the employee's own base.</summary>
    public static decimal BaseFor(ReviewPolicy policy, string grade, decimal employeeBase) =>
        policy.BaseByGrade is { } bases && bases.TryGetValue(grade, out var byGrade) ? byGrade : employeeBase;

    /// <summary>The coefficient of the grade's band; 0 for a grade the policy no longer has.</summary>
    public static decimal CoefficientFor(ReviewPolicy policy, string grade) =>
        Array.Find(policy.Bands, b => b.Grade == grade)?.Coefficient ?? 0m;

    public static decimal Amount(decimal payBase, decimal coefficient) =>
        Math.Round(payBase * coefficient, 2, MidpointRounding.AwayFromZero);
}

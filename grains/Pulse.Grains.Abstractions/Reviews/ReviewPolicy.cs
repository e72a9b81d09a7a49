namespace Pulse.Reviews;

/// <summary>
/// A tenant's review rules. <see cref="GraceDays"/> after month end the quantitative values freeze (late events are
/// kept as post-close adjustments). <see cref="Bands"/> (highest first) grade a composite and give its pay coefficient;
/// <see cref="Distribution"/>, when set, forces quotas on the grades. Performance pay = base × coefficient, the base
/// being the employee's own (<c>Employee.PerformancePayBase</c>) or, when <see cref="BaseByGrade"/> names the grade,
/// that amount.
/// </summary>
[GenerateSerializer, Immutable, Alias("pulse.review.policy")]
public sealed record ReviewPolicy(
    [property: Id(0)] int GraceDays,
    [property: Id(1)] GradeBand[] Bands,
    [property: Id(2)] ForcedDistribution? Distribution = null,
    [property: Id(3)] Dictionary<string, decimal>? BaseByGrade = null)
{
    /// <summary>The seed's rules: 3 days of grace; S/A/B/C/D; no forced distribution until HR sets one.</summary>
    public static ReviewPolicy Default { get; } = new(3,
    [
        new GradeBand("S", 90m, 1.5m),
        new GradeBand("A", 80m, 1.2m),
        new GradeBand("B", 70m, 1.0m),
        new GradeBand("C", 60m, 0.8m),
        new GradeBand("D", 0m, 0.5m),
    ]);
}

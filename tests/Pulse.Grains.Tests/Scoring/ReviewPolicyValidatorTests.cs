using Pulse.Reviews;

namespace Pulse.Grains.Tests.Scoring;

public sealed class ReviewPolicyValidatorTests
{
    [Fact]
    public void The_default_policy_is_valid() => Assert.Empty(ReviewPolicyValidator.Validate(ReviewPolicy.Default));

    [Fact]
    public void Each_wrong_field_is_named()
    {
        var policy = new ReviewPolicy(29,
            [new GradeBand("A", 80m, 1.2m), new GradeBand("A", 85m, 11m), new GradeBand("C", 0m, -1m)],
            new ForcedDistribution(DistributionScope.Tenant, [new GradeQuota("Z", MaxPercent: 20m), new GradeQuota("C", MinPercent: 101m)]),
            new Dictionary<string, decimal> { ["Q"] = 100m });

        var items = ReviewPolicyValidator.Validate(policy).Select(e => e.Item).ToArray();

        Assert.Contains("graceDays", items);
        Assert.Contains("bands[1].grade", items);
        Assert.Contains("bands[1].minComposite", items);
        Assert.Contains("bands[1].coefficient", items);
        Assert.Contains("bands[2].coefficient", items);
        Assert.Contains("distribution.quotas[0].grade", items);
        Assert.Contains("distribution.quotas[1].minPercent", items);
        Assert.Contains("baseByGrade.Q", items);
    }
}

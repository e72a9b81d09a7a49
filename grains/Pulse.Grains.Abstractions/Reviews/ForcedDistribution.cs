namespace Pulse.Reviews;

[GenerateSerializer, Immutable, Alias("pulse.review.forced-distribution")]
public sealed record ForcedDistribution(
    [property: Id(0)] DistributionScope Scope,
    [property: Id(1)] GradeQuota[] Quotas);

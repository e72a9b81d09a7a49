namespace Pulse.Reviews;

/// <summary>Whether forced-distribution quotas apply to the whole tenant or to each top-level department on its own.</summary>
[GenerateSerializer]
public enum DistributionScope
{
    Tenant,
    Department,
}

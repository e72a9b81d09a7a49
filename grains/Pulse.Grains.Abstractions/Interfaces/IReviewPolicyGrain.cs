using Pulse.Reviews;

namespace Pulse.Grains;

/// <summary>A tenant's review policy (grace window, grade bands and coefficients, forced distribution, pay bases); keyed by tenant id. <see cref="ReviewPolicy.Default"/> until HR sets one.</summary>
[Alias("pulse.grain.review-policy")]
public interface IReviewPolicyGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<ReviewPolicy> GetAsync();

    /// <summary>Validated whole: the answer names each wrong field.</summary>
    [Alias("set")]
    Task<Services.Answer<ReviewPolicy>> SetAsync(ReviewPolicy policy);
}

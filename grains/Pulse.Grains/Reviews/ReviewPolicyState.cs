namespace Pulse.Reviews;

[GenerateSerializer, Alias("pulse.review-policy-state")]
public sealed class ReviewPolicyState
{
    /// <summary>Null until HR sets one: <see cref="ReviewPolicy.Default"/> applies.</summary>
    [Id(0)] public ReviewPolicy? Policy { get; set; }
}

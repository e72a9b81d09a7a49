using Pulse.Grains;
using Pulse.Services;

namespace Pulse.Reviews;

/// <summary>A tenant's review policy; validated whole, written once per change.</summary>
public sealed class ReviewPolicyGrain(
    [PersistentState("review-policy", StorageNames.Organisation)] IPersistentState<ReviewPolicyState> state) : Grain, IReviewPolicyGrain
{
    public Task<ReviewPolicy> GetAsync() => Task.FromResult(state.State.Policy ?? ReviewPolicy.Default);

    public async Task<Answer<ReviewPolicy>> SetAsync(ReviewPolicy policy)
    {
        var errors = ReviewPolicyValidator.Validate(policy);
        if (errors.Length > 0) return Answers.Invalid<ReviewPolicy>(errors);
        state.State.Policy = policy;
        await state.WriteStateAsync();
        return Answers.Ok(policy);
    }
}
